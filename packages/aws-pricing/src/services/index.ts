import { memcachedService, rdsProvisionedIopsService, t2CreditsService } from './catalog-extras.js';
import { cloudfrontService } from './cloudfront.js';
import { cloudwatchService } from './cloudwatch.js';
import { dataTransferService } from './data-transfer.js';
import { ebsService } from './ebs.js';
import { ec2ExtrasService } from './ec2.js';
import { ecrService } from './ecr.js';
import { eksService } from './eks.js';
import { elasticacheService } from './elasticache.js';
import { elbService } from './elb.js';
import { fargateService } from './fargate.js';
import { kmsService } from './kms.js';
import { mskService } from './msk.js';
import { rdsService } from './rds.js';
import { route53Service } from './route53.js';
import { s3Service } from './s3.js';
import { secretsManagerService } from './secrets-manager.js';
import { vpcService } from './vpc.js';
import type { ServiceDefinition } from '../service-definition.js';

/** Every service the refresh prices besides the EC2 instance catalog, in fetch order. */
export const SERVICES: readonly ServiceDefinition[] = [
  ec2ExtrasService,
  ebsService,
  eksService,
  vpcService,
  elbService,
  dataTransferService,
  s3Service,
  ecrService,
  rdsService,
  elasticacheService,
  mskService,
  fargateService,
  cloudwatchService,
  secretsManagerService,
  route53Service,
  kmsService,
  memcachedService,
  rdsProvisionedIopsService,
  t2CreditsService,
  cloudfrontService,
];

/** Snapshot keys GetProducts cannot serve, and why. */
export const NOT_SERVED: readonly { prefix: string; reason: string }[] = [
  { prefix: 'fargate-spot/', reason: 'Fargate Spot prices float and are not in the Price List GetProducts API' },
  { prefix: 'waf/', reason: 'no AWS document read names the Price List usage types of AWS WAF, so the refresh does not read them' },
];

export { buildEc2Catalog, ec2InstanceQueries } from './ec2.js';
