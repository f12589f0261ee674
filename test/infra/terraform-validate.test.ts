// Every built-in profile at 100, 10,000 and 1,000,000 users, and plans with long and odd names,
// synthesized and given to the real `terraform init` / `terraform validate`. The package pins the
// AWS provider 6.x for users; here a copy is pinned to the version the offline mirror holds.
import { listProfiles } from '@tier-planner/cost-model';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesize } from '../../packages/reference-infra/src/stacks/build-app.js';
import { plan, specOf } from '../../packages/reference-infra/src/testing/plans.js';
import { findMirror, TerraformWorkdir, whyNoTerraform, type Diagnostic } from './terraform.js';

const skipReason = whyNoTerraform();
const mirror = findMirror();
const USERS = [100, 10_000, 1_000_000];
const ODD_NAMES = [
  ['a 200-character name', 'x'.repeat(200)],
  ['spaces, capitals and symbols', 'Shop (EU) — Black Friday 2027 ✓'],
  ['a name starting with a digit', '2027-shop'],
  ['a reserved S3 start', 'sthree-shop'],
] as const;

const stacks: { label: string; tf: () => Record<string, any> }[] = [
  ...listProfiles().flatMap((p) => USERS.map((users) => ({ label: `${p.name} at ${users.toLocaleString('en-US')} users`, tf: () => synthesize(specOf(plan(users, p.name))) }))),
  ...ODD_NAMES.flatMap(([what, name]) => ['eks-web-app', 'trading-fargate'].map((profile) => ({ label: `${profile} named with ${what}`, tf: () => synthesize(specOf(plan(10_000, profile), name)) }))),
];

const errors = (d: readonly Diagnostic[]) => d.filter((x) => x.severity === 'error').map((x) => `${x.address ?? ''} ${x.summary}: ${x.detail ?? ''}`);

let work: TerraformWorkdir;
let validated = 0;
// `npm test` prints this report beside its summary line.
const report = (line: string) => process.env.TIER_PLANNER_TERRAFORM_REPORT && writeFileSync(process.env.TIER_PLANNER_TERRAFORM_REPORT, `terraform validate: ${line}\n`);
if (skipReason) report(`skipped, ${skipReason}`);

describe.skipIf(skipReason !== undefined)(`terraform validate${skipReason ? ` (skipped: ${skipReason})` : ` (provider pinned to the mirror's hashicorp/aws ${mirror!.awsVersion})`}`, () => {
  beforeAll(() => {
    work = new TerraformWorkdir(mirror!);
    work.write(stacks[0]!.tf());
    work.init();
  }, 120_000);

  afterAll(() => {
    work?.remove();
    report(`${validated} of ${stacks.length} stacks valid (hashicorp/aws ${mirror!.awsVersion} from the mirror in ${mirror!.path})`);
  });

  for (const stack of stacks) {
    it(`${stack.label} is valid`, () => {
      const { valid, diagnostics } = work.validate(stack.tf());
      expect(errors(diagnostics)).toEqual([]);
      expect(valid).toBe(true);
      validated += 1;
    }, 60_000);
  }

  it('refuses 0.0.0.0/0 and an empty list for api_allowed_cidrs at plan time, and takes a real CIDR', () => {
    work.write(synthesize(specOf(plan(10_000, 'eks-web-app'))));
    const planWith = (cidrs: string) => work.run(['plan', '-refresh=false', '-input=false', '-no-color', '-lock=false', `-var=api_allowed_cidrs=${cidrs}`, '-var=budget_alert_emails=["ops@example.com"]']);
    for (const bad of ['["0.0.0.0/0"]', '["203.0.113.0/24","0.0.0.0/0"]', '[]']) {
      const r = planWith(bad);
      expect(r.status, bad).not.toBe(0);
      expect(r.stderr, bad).toMatch(/Invalid value for variable[\s\S]*Name at least one CIDR, and not 0\.0\.0\.0\/0\./);
    }
    // No AWS credentials here, so plan still fails, but not on the variable.
    expect(planWith('["203.0.113.0/24"]').stderr).not.toMatch(/Invalid value for variable/);
  }, 120_000);

  it('refuses an EKS upgrade policy other than STANDARD or EXTENDED at plan time', () => {
    work.write(synthesize(specOf(plan(10_000, 'eks-web-app'))));
    const r = work.run(['plan', '-refresh=false', '-input=false', '-no-color', '-lock=false', '-var=api_allowed_cidrs=["203.0.113.0/24"]', '-var=budget_alert_emails=["ops@example.com"]', '-var=kubernetes_support_type=BOGUS']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/Invalid value for variable[\s\S]*kubernetes_support_type must be STANDARD or EXTENDED\./);
  }, 120_000);
});
