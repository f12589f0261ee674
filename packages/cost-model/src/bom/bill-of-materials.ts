import type { CloudWatchLogsResource } from './resources/cloudwatch-logs.js';
import type { DataTransferResource } from './resources/data-transfer.js';
import type { EbsSnapshotResource } from './resources/ebs-snapshot.js';
import type { EbsVolumeResource } from './resources/ebs-volume.js';
import type { Ec2InstanceResource } from './resources/ec2-instance.js';
import type { EcrRepositoryResource } from './resources/ecr-repository.js';
import type { EksClusterResource } from './resources/eks-cluster.js';
import type { ElastiCacheClusterResource } from './resources/elasticache-cluster.js';
import type { FargateTaskResource } from './resources/fargate-task.js';
import type { GithubActionsResource } from './resources/github-actions.js';
import type { LoadBalancerResource } from './resources/load-balancer.js';
import type { MskClusterResource } from './resources/msk-cluster.js';
import type { NatGatewayResource } from './resources/nat-gateway.js';
import type { RdsInstanceResource } from './resources/rds-instance.js';
import type { S3BucketResource } from './resources/s3-bucket.js';
import type { CloudFrontDistributionResource } from './resources/cloudfront-distribution.js';
import type { RdsBackupResource } from './resources/rds-backup.js';
import type { SupportPlanResource } from './resources/support-plan.js';
import type { VpcEndpointResource } from './resources/vpc-endpoint.js';
import type { WafWebAclResource } from './resources/waf-web-acl.js';
import type { KmsKeyResource, PublicIpv4Resource, Route53ZoneResource, SecretsManagerResource } from './resources/small-services.js';

type Named<T extends string, R> = { readonly type: T; readonly name: string } & R;

/** One billable resource; `type` picks its shape (see docs/bom.md). */
export type BomResource =
  | Named<'ec2_instance', Ec2InstanceResource>
  | Named<'eks_cluster', EksClusterResource>
  | Named<'ebs_volume', EbsVolumeResource>
  | Named<'ebs_snapshot', EbsSnapshotResource>
  | Named<'s3_bucket', S3BucketResource>
  | Named<'ecr_repository', EcrRepositoryResource>
  | Named<'nat_gateway', NatGatewayResource>
  | Named<'load_balancer', LoadBalancerResource>
  | Named<'rds_instance', RdsInstanceResource>
  | Named<'elasticache_cluster', ElastiCacheClusterResource>
  | Named<'msk_cluster', MskClusterResource>
  | Named<'fargate_task', FargateTaskResource>
  | Named<'cloudwatch_logs', CloudWatchLogsResource>
  | Named<'data_transfer', DataTransferResource>
  | Named<'github_actions', GithubActionsResource>
  | Named<'secrets_manager', SecretsManagerResource>
  | Named<'route53_zone', Route53ZoneResource>
  | Named<'kms_key', KmsKeyResource>
  | Named<'public_ipv4', PublicIpv4Resource>
  | Named<'cloudfront_distribution', CloudFrontDistributionResource>
  | Named<'waf_web_acl', WafWebAclResource>
  | Named<'rds_backup', RdsBackupResource>
  | Named<'vpc_endpoint', VpcEndpointResource>
  | Named<'support_plan', SupportPlanResource>;

/** An explicit bill of materials, priced by priceResources. */
export interface BillOfMaterials {
  /** Hours in the billing month; default 730. */
  readonly hoursPerMonth?: number;
  readonly resources: readonly BomResource[];
}
