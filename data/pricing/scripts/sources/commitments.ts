// What the embedded snapshot says about commitment and Spot prices it does not hold. No primary
// AWS publication found for the shared facts states a per-type Savings Plans, reserved-node or
// Spot rate for us-east-1: AWS's Savings Plans pages give only maxima ("up to 66%" Compute, "up
// to 72%" EC2 Instance) and their user guide's example rates are marked "illustrative only"
// (https://docs.aws.amazon.com/savingsplans/latest/userguide/sp-applying.html, read 2026-12-01).
// So the keys stay unpriced here, with the reason, and `tier-planner pricing refresh` fills them.

const REFRESH = 'run `tier-planner pricing refresh --region us-east-1`';

export const COMMITMENT_MISSING: readonly { key: string; reason: string }[] = [
  {
    key: 'ec2/savings-plans',
    reason: `Savings Plans rates not in the embedded snapshot; ${REFRESH} (it reads the Savings Plans offer files). No AWS publication found states a per-type rate: AWS gives only maxima and illustrative examples`,
  },
  {
    key: 'fargate/savings-plans',
    reason: `Compute Savings Plans rates for Fargate not in the embedded snapshot; ${REFRESH} (it reads the Savings Plans offer files)`,
  },
  {
    key: 'ec2/spot',
    reason: `EC2 Spot prices float per zone and are not in the embedded snapshot; ${REFRESH} with AWS credentials (it reads 7 days of DescribeSpotPriceHistory)`,
  },
  {
    key: 'ec2/reserved (all types but t3.medium, and t3.medium partial/all upfront)',
    reason: `the shared facts hold only t3.medium No Upfront RI rates; ${REFRESH} for every type, offering class and payment option`,
  },
  { key: 'rds/reserved', reason: `RDS reserved DB instance rates are not in the embedded snapshot; ${REFRESH}` },
  { key: 'elasticache/reserved', reason: `ElastiCache reserved node rates are not in the embedded snapshot; ${REFRESH}` },
];
