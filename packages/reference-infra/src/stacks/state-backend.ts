import { S3Backend, type TerraformStack } from '../cdk/aws.js';
import type { InfraSpec } from '../plan-input/infra-spec.js';
import { shortName } from '../plan-input/names.js';

/** Where Terraform keeps state: local (default) or an S3 bucket with locking. */
export interface StateBackendEnvironment {
  readonly STATE_BUCKET?: string;
  readonly STATE_KEY?: string;
  readonly STATE_REGION?: string;
  /** A DynamoDB table for locks; without one, S3's own lock file is used (Terraform ≥ 1.10). */
  readonly STATE_LOCK_TABLE?: string;
}

export function configureStateBackend(stack: TerraformStack, spec: InfraSpec, env: StateBackendEnvironment): S3Backend | undefined {
  if (!env.STATE_BUCKET) return undefined;
  const backend = new S3Backend(stack, {
    bucket: env.STATE_BUCKET,
    key: env.STATE_KEY || `tier-planner/${shortName(spec.planName, 200)}.tfstate`,
    region: env.STATE_REGION || spec.region,
    encrypt: true,
    ...(env.STATE_LOCK_TABLE ? { dynamodbTable: env.STATE_LOCK_TABLE } : {}),
  });
  // cdktf 0.21 predates S3 native locking, so the setting goes in as a raw override.
  if (!env.STATE_LOCK_TABLE) backend.addOverride('use_lockfile', true);
  return backend;
}
