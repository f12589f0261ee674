import { ec2OtherService, OTHER } from './service-names.js';

// CUR 2.0 line_item_product_code (and FOCUS x_ServiceCode) → the cost model's service names.
const PRODUCT_CODES: ReadonlyMap<string, string> = new Map([
  ['AmazonEC2', 'EC2'],
  ['AmazonEKS', 'EKS'],
  ['AmazonECS', 'Fargate'],
  ['AmazonRDS', 'RDS'],
  ['AmazonS3', 'S3'],
  ['AmazonElastiCache', 'ElastiCache'],
  ['AmazonMSK', 'MSK'],
  ['AWSELB', 'ELB'],
  ['AmazonVPC', 'VPC'],
  ['AWSDataTransfer', 'Data Transfer'],
  ['AmazonECR', 'ECR'],
  ['AmazonECRPublic', 'ECR'],
  ['AmazonCloudWatch', 'CloudWatch'],
  ['AWSSecretsManager', 'Secrets Manager'],
  ['AmazonRoute53', 'Route 53'],
  ['awskms', 'KMS'],
]);

/**
 * The model service of a product code. AmazonEC2 holds what Cost Explorer splits into "EC2 -
 * Compute" and "EC2 - Other": EBS volumes and snapshots, NAT gateways, public IPs and data
 * transfer go to their model services by usage type; the rest is EC2.
 */
export function modelServiceOfCode(productCode: string, usageType: string): string {
  const service = PRODUCT_CODES.get(productCode.trim());
  if (service === undefined) return OTHER;
  if (service !== 'EC2') return service;
  const split = ec2OtherService(usageType);
  return split === OTHER ? 'EC2' : split;
}

export function knownProductCodes(): ReadonlyMap<string, string> {
  return PRODUCT_CODES;
}
