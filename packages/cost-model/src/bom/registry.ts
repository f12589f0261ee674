import type { ResourceType } from './resource-type.js';
import { cloudWatchLogs } from './resources/cloudwatch-logs.js';
import { dataTransfer } from './resources/data-transfer.js';
import { ebsSnapshot } from './resources/ebs-snapshot.js';
import { ebsVolume } from './resources/ebs-volume.js';
import { ec2Instance } from './resources/ec2-instance.js';
import { ecrRepository } from './resources/ecr-repository.js';
import { eksCluster } from './resources/eks-cluster.js';
import { elastiCacheCluster } from './resources/elasticache-cluster.js';
import { fargateTask } from './resources/fargate-task.js';
import { githubActions } from './resources/github-actions.js';
import { loadBalancer } from './resources/load-balancer.js';
import { mskCluster } from './resources/msk-cluster.js';
import { natGateway } from './resources/nat-gateway.js';
import { rdsInstance } from './resources/rds-instance.js';
import { s3Bucket } from './resources/s3-bucket.js';
import { cloudFrontDistribution } from './resources/cloudfront-distribution.js';
import { rdsBackup } from './resources/rds-backup.js';
import { supportPlan } from './resources/support-plan.js';
import { vpcEndpoint } from './resources/vpc-endpoint.js';
import { wafWebAcl } from './resources/waf-web-acl.js';
import { kmsKey, publicIpv4, route53Zone, secretsManager } from './resources/small-services.js';

/** Every resource type a bill of materials may hold, by its `type`. */
export const RESOURCE_TYPES: ReadonlyMap<string, ResourceType<any>> = new Map(
  [
    ec2Instance, eksCluster, ebsVolume, ebsSnapshot, s3Bucket, ecrRepository, natGateway, loadBalancer,
    rdsInstance, elastiCacheCluster, mskCluster, fargateTask, cloudWatchLogs, dataTransfer, githubActions,
    secretsManager, route53Zone, kmsKey, publicIpv4, cloudFrontDistribution, wafWebAcl, rdsBackup, vpcEndpoint, supportPlan,
  ].map((t) => [t.type, t]),
);
