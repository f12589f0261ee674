/**
 * The retention periods CloudWatch Logs accepts, in days (PutRetentionPolicy, retentionInDays).
 * Source: https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
 * (as listed in the AWS SDK reference for LogGroup.retentionInDays, read 2026-12-01).
 */
export const CLOUDWATCH_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

/** The shortest retention CloudWatch accepts that keeps logs at least `days` (the longest it has, beyond that). */
export function retentionAtLeast(days: number): number {
  return CLOUDWATCH_RETENTION_DAYS.find((d) => d >= days) ?? CLOUDWATCH_RETENTION_DAYS[CLOUDWATCH_RETENTION_DAYS.length - 1]!;
}
