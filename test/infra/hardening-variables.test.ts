// The hardening opt-outs and the first-deploy image_tag, given to the real `terraform plan`: each
// variable's validation refuses what AWS would reject and takes what it accepts. With no AWS
// credentials here the plan always stops at the provider, but variables are checked first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesize } from '../../packages/reference-infra/src/stacks/build-app.js';
import { plan, specOf } from '../../packages/reference-infra/src/testing/plans.js';
import { findMirror, TerraformWorkdir, whyNoTerraform } from './terraform.js';

const skipReason = whyNoTerraform();
const mirror = findMirror();
const eksWithDatabase = () => synthesize(specOf(plan(10_000, 'microservices-mysql')));
const fargate = () => synthesize(specOf(plan(10_000, 'trading-fargate')));
const REQUIRED = ['-var=budget_alert_emails=["ops@example.com"]'];

let work: TerraformWorkdir;
/** `terraform plan` with these -var settings: the variable errors it reports (none: all accepted). */
function refusals(vars: readonly string[]): string {
  const r = work.run(['plan', '-refresh=false', '-input=false', '-no-color', '-lock=false', ...REQUIRED, ...vars.map((v) => `-var=${v}`)]);
  expect(r.status).not.toBe(0); // no credentials: never a plan
  return r.stderr.includes('Invalid value for variable') ? r.stderr : '';
}

describe.skipIf(skipReason !== undefined)(`hardening variables under terraform plan${skipReason ? ` (skipped: ${skipReason})` : ` (hashicorp/aws ${mirror!.awsVersion} from the mirror)`}`, () => {
  beforeAll(() => {
    work = new TerraformWorkdir(mirror!);
    work.write(eksWithDatabase());
    work.init();
  }, 120_000);
  afterAll(() => work?.remove());

  it('EKS: a private endpoint needs no CIDR; log retention and data-store CIDRs only take what AWS takes', () => {
    work.write(eksWithDatabase());
    expect(refusals(['api_allowed_cidrs=[]', 'eks_public_endpoint=false'])).toBe('');
    const cidrs = 'api_allowed_cidrs=["203.0.113.0/24"]';
    expect(refusals([cidrs, 'infrastructure_log_retention_days=365', 'data_store_allowed_cidrs=["10.8.0.0/16"]'])).toBe('');
    expect(refusals([cidrs, 'infrastructure_log_retention_days=45'])).toMatch(/CloudWatch keeps logs for one of: 1, 3, 5/);
    expect(refusals([cidrs, 'data_store_allowed_cidrs=["0.0.0.0/0"]'])).toMatch(/data_store_allowed_cidrs holds CIDRs/);
    expect(refusals([cidrs, 'data_store_allowed_cidrs=["10.8.0.0"]'])).toMatch(/data_store_allowed_cidrs holds CIDRs/);
  }, 120_000);

  it('Fargate: image_tag is empty or a Docker tag; noncurrent S3 versions expire after whole days', () => {
    work.write(fargate());
    expect(refusals([])).toBe(''); // the first deploy: no image_tag at all
    expect(refusals(['image_tag=2026.12.01-build_7', 's3_noncurrent_version_days=7'])).toBe('');
    expect(refusals(['image_tag=v1 with spaces'])).toMatch(/image_tag is a Docker tag/);
    expect(refusals(['image_tag=.starts-with-a-dot'])).toMatch(/image_tag is a Docker tag/);
    expect(refusals(['s3_noncurrent_version_days=1.5'])).toMatch(/s3_noncurrent_version_days is a whole number/);
  }, 120_000);
});
