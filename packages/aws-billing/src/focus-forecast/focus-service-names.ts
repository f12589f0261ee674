// The cost model's services → how a FOCUS 1.2 export names them. ServiceName is the spelling the
// actuals reader maps back to the same model service (spend/service-names.ts), so a forecast row
// and a bill line of one service land under one key. ServiceCategory takes FOCUS 1.2's allowed
// values (see docs/focus-forecast.md).

export interface FocusService {
  readonly serviceName: string;
  readonly serviceCategory: string;
  /** ProviderName, PublisherName and InvoiceIssuerName: who sells and bills the service. */
  readonly provider: string;
  /** Not a spelling the actuals reader knows: a tier-planner assumption, read back as "Other". */
  readonly assumed?: true;
}

export const AWS_PROVIDER = 'Amazon Web Services';

const aws = (serviceName: string, serviceCategory: string, assumed?: true): FocusService => ({ serviceName, serviceCategory, provider: AWS_PROVIDER, ...(assumed ? { assumed } : {}) });

const FOCUS_SERVICES: ReadonlyMap<string, FocusService> = new Map([
  ['EC2', aws('Amazon Elastic Compute Cloud', 'Compute')],
  ['EKS', aws('Amazon Elastic Kubernetes Service', 'Compute')],
  ['Fargate', aws('Amazon Elastic Container Service', 'Compute')],
  ['EBS', aws('Amazon Elastic Block Store', 'Storage')],
  ['S3', aws('Amazon Simple Storage Service', 'Storage')],
  ['RDS', aws('Amazon Relational Database Service', 'Databases')],
  ['ElastiCache', aws('Amazon ElastiCache', 'Databases')],
  ['MSK', aws('Amazon Managed Streaming for Apache Kafka', 'Integration')],
  ['ELB', aws('Elastic Load Balancing', 'Networking')],
  ['VPC', aws('Amazon Virtual Private Cloud', 'Networking')],
  ['Data Transfer', aws('AWS Data Transfer', 'Networking')],
  ['ECR', aws('Amazon Elastic Container Registry', 'Storage')],
  ['CloudWatch', aws('Amazon CloudWatch', 'Management and Governance')],
  ['Secrets Manager', aws('AWS Secrets Manager', 'Security')],
  ['KMS', aws('AWS Key Management Service', 'Security')],
  ['Route 53', aws('Amazon Route 53', 'Networking')],
  // No spelling of these is sourced in the actuals reader yet: named assumptions.
  ['CloudFront', aws('Amazon CloudFront', 'Networking', true)],
  ['WAF', aws('AWS WAF', 'Security', true)],
  ['Support', aws('AWS Support', 'Other', true)],
  ['GitHub Actions', { serviceName: 'GitHub Actions', serviceCategory: 'Developer Tools', provider: 'GitHub', assumed: true }],
]);

/** How FOCUS names a model service; a service the map lacks is "Other" at AWS, named as the model writes it. */
export function focusService(modelService: string): FocusService {
  return FOCUS_SERVICES.get(modelService) ?? aws(modelService, 'Other', true);
}

export function knownFocusServices(): ReadonlyMap<string, FocusService> {
  return FOCUS_SERVICES;
}
