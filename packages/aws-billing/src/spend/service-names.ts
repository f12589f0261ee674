// AWS service names (Cost Explorer SERVICE values, FOCUS ServiceName) → the cost model's service names. AWS has
// renamed services over the years, so several spellings map to one model service.

export const OTHER = 'Other';
/** Cost Explorer's bucket for EBS, NAT gateways, Elastic IPs and EC2 data transfer. */
export const EC2_OTHER = 'EC2 - Other';

const SERVICE_MAP: ReadonlyMap<string, string> = new Map([
  ['Amazon Elastic Compute Cloud - Compute', 'EC2'],
  ['Amazon Elastic Compute Cloud', 'EC2'],
  ['Amazon Elastic Container Service for Kubernetes', 'EKS'],
  ['Amazon Elastic Kubernetes Service', 'EKS'],
  ['Amazon Elastic Container Service', 'Fargate'],
  ['AWS Fargate', 'Fargate'],
  ['Amazon Elastic Block Store', 'EBS'],
  ['Amazon Relational Database Service', 'RDS'],
  ['Amazon Simple Storage Service', 'S3'],
  ['Amazon ElastiCache', 'ElastiCache'],
  ['Amazon Managed Streaming for Apache Kafka', 'MSK'],
  ['Elastic Load Balancing', 'ELB'],
  ['Amazon Elastic Load Balancing', 'ELB'],
  ['Amazon Virtual Private Cloud', 'VPC'],
  ['AWS Data Transfer', 'Data Transfer'],
  ['Amazon EC2 Container Registry (ECR)', 'ECR'],
  ['Amazon Elastic Container Registry', 'ECR'],
  ['Amazon Elastic Container Registry Public', 'ECR'],
  ['AmazonCloudWatch', 'CloudWatch'],
  ['Amazon CloudWatch', 'CloudWatch'],
  ['CloudWatch Events', 'CloudWatch'],
  ['AWS Secrets Manager', 'Secrets Manager'],
  ['Amazon Route 53', 'Route 53'],
  ['AWS Key Management Service', 'KMS'],
]);

/** The model's name for a Cost Explorer SERVICE value; "Other" when the model has no such service. */
export function modelService(awsService: string): string {
  return SERVICE_MAP.get(awsService.trim()) ?? OTHER;
}

/** Every Cost Explorer spelling known, per model service (for the docs table and tests). */
export function knownAwsServices(): ReadonlyMap<string, string> {
  return SERVICE_MAP;
}

/**
 * "EC2 - Other" split by USAGE_TYPE. Usage types carry a region prefix ("USE1-") that is ignored.
 * Anything not recognised stays "Other" rather than being guessed into a model service.
 */
export function ec2OtherService(usageType: string): string {
  const u = usageType.replace(/^[A-Z]{2,4}\d?-/, '');
  if (/^EBS:|^EBSOptimized|VolumeUsage|VolumeP-IOPS|VolumeP-Throughput|SnapshotUsage|FastSnapshotRestore/.test(u)) return 'EBS';
  if (/NatGateway/.test(u)) return 'VPC';
  if (/ElasticIP|PublicIPv4|VPCEndpoint|TransitGateway/.test(u)) return 'VPC';
  if (/DataTransfer|-Out-Bytes|-In-Bytes|Bytes-Internet|AWS-Out|AWS-In|CloudFront-Out/.test(u)) return 'Data Transfer';
  return OTHER;
}
