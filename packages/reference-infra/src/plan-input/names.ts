import { createHash } from 'node:crypto';

/**
 * A name AWS accepts for ids with tight limits (ElastiCache 40, IAM role prefixes 38, RDS 63):
 * lower-case letters, digits and hyphens, starting with a letter; a long name keeps its start
 * and ends with a short hash of the whole, so two plans never share a name.
 */
export function shortName(name: string, max: number): string {
  let clean = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  if (!/^[a-z]/.test(clean)) clean = clean ? `tp-${clean}` : 'tp';
  if (clean.length <= max) return clean;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 6);
  return `${clean.slice(0, max - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}

/** The AWS provider's limit on `bucket_prefix` (a bucket name is 63; Terraform adds 26 characters). */
export const S3_BUCKET_PREFIX_MAX = 37;

// Bucket names AWS reserves by their start (S3 user guide, "General purpose bucket naming rules").
const RESERVED_BUCKET_STARTS = ['xn--', 'sthree-', 'amzn-s3-demo-'];

/** `<plan>-<what>-`, as long as `bucket_prefix` allows, never starting with a reserved prefix. */
export function bucketPrefix(planName: string, what: string): string {
  const suffix = `-${what}-`;
  let base = shortName(planName, S3_BUCKET_PREFIX_MAX - suffix.length);
  if (RESERVED_BUCKET_STARTS.some((r) => base.startsWith(r))) base = shortName(`tp-${planName}`, S3_BUCKET_PREFIX_MAX - suffix.length);
  return `${base}${suffix}`;
}
