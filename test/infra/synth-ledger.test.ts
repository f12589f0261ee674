// `node dist/main.js`, as `cdktf synth` runs it, prints the priced-vs-built ledger of what it wrote.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLedger } from '../../packages/reference-infra/src/ledger/format-ledger.js';
import { ledgerProblems, pricedVsBuilt } from '../../packages/reference-infra/src/ledger/priced-vs-built.js';
import { plan } from '../../packages/reference-infra/src/testing/plans.js';

const main = fileURLToPath(new URL('../../packages/reference-infra/dist/main.js', import.meta.url));
let work: string;

beforeAll(() => {
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
  work = mkdtempSync(join(tmpdir(), 'reference-infra-ledger-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('synth prints what the plan prices and the stack does not create', () => {
  for (const profile of ['fintech-fargate-jenkins', 'trading-k8s-self-managed']) {
    it(`${profile}: the ledger of the stack it wrote, on stdout, exit 0`, () => {
      const out = join(work, profile);
      const run = spawnSync(process.execPath, [main], {
        cwd: work,
        env: { PATH: process.env.PATH, HOME: work, USERS: '10000', PROFILE: profile, CDKTF_OUTDIR: out, TIER_PLANNER_PRICING_DIR: process.env.TIER_PLANNER_PRICING_DIR },
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      const tf = JSON.parse(readFileSync(join(out, 'stacks/tier-planner/cdk.tf.json'), 'utf8'));
      const p = plan(10_000, profile);
      const ledger = pricedVsBuilt(p, tf);
      expect(ledgerProblems(ledger)).toEqual([]);
      // The ledger comes first; the Budget's split follows it.
      expect(run.stdout.startsWith(formatLedger(ledger))).toBe(true);
      expect(run.stdout).toMatch(/^ {2}GitHub Actions|^ {2}EC2 \/ jenkins controller: \$/m);
      expect(run.stdout).toMatch(/^not provisioned, total: \$[\d,]+\.\d\d a month$/m);
    });
  }
});
