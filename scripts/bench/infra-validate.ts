// Synth and `terraform validate` time per stack: every built-in profile at 100, 10,000 and
// 1,000,000 users, synthesized in-process and validated by the real Terraform against the offline
// provider mirror (as test/infra/terraform-validate.test.ts does). Run: npx tsx scripts/bench/infra-validate.ts
import { listProfiles } from '@tier-planner/cost-model';
import { synthesize } from '../../packages/reference-infra/src/stacks/build-app.js';
import { plan, specOf } from '../../packages/reference-infra/src/testing/plans.js';
import { findMirror, TerraformWorkdir, whyNoTerraform } from '../../test/infra/terraform.js';

const why = whyNoTerraform();
if (why) {
  console.log(`terraform validate per stack: not run (${why})`);
  process.exit(0);
}
const mirror = findMirror()!;
const work = new TerraformWorkdir(mirror);
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
try {
  const rows: string[] = [];
  let first = true;
  for (const profile of listProfiles().map((p) => p.name)) {
    for (const users of [100, 10_000, 1_000_000]) {
      const t0 = process.hrtime.bigint();
      const tf = synthesize(specOf(plan(users, profile)));
      const synthMs = ms(t0);
      if (first) {
        work.write(tf);
        work.init();
        first = false;
      }
      const t1 = process.hrtime.bigint();
      const { valid } = work.validate(tf);
      const validateMs = ms(t1);
      const count = Object.values(tf.resource as Record<string, object>).reduce((n, byName) => n + Object.keys(byName).length, 0);
      rows.push(`  ${`${profile} at ${users.toLocaleString('en-US')}`.padEnd(40)} ${String(count).padStart(4)} resources  synth ${synthMs.toFixed(0).padStart(5)} ms  validate ${validateMs.toFixed(0).padStart(5)} ms  ${valid ? 'valid' : 'INVALID'}`);
    }
  }
  console.log(`terraform validate per stack (hashicorp/aws ${mirror.awsVersion} from ${mirror.path}; synth includes planning, first synth cold)`);
  for (const r of rows) console.log(r);
} finally {
  work.remove();
}
