#!/usr/bin/env node
// Reference-infra benchmark (run after `npm run build`): synth of the 10k-user plan (eks-web-app),
// (a) in-process through the built package, median of RUNS after one warm-up, and the cold first
// synth in a fresh process; (b) the real `cdktf synth` CLI, offline with telemetry off, median of
// CLI_RUNS wall times. Targets: in-process synth of the 10k plan <= 300 ms median; cdktf synth <= 10 s.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPriceBook, planTier, planToJson } from '@tier-planner/cost-model';
import { infraSpec, synthesizeTo } from '@tier-planner/reference-infra';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CLI_RUNS = Math.max(3, Number(process.env.BENCH_CLI_RUNS ?? 3));
const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = join(root, 'packages/reference-infra');
const cdktfBin = join(root, 'node_modules/cdktf-cli/bundle/bin/cdktf');
// cdktf-cli 0.21 needs node-pty, prebuilt only up to Node 22 (ABI 127); it was not compiled here.
const ptyPrebuilt = existsSync(join(root, `node_modules/@cdktf/node-pty-prebuilt-multiarch/prebuilds/${process.platform}-${process.arch}/node.abi${process.versions.modules}.node`));
const work = mkdtempSync(join(tmpdir(), 'bench-infra-'));
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

try {
  const plan = planTier({ users: 10_000, profile: 'eks-web-app' }, loadPriceBook({ region: 'us-east-1', embeddedOnly: true }));
  const planFile = join(work, 'plan.json');
  writeFileSync(planFile, JSON.stringify(planToJson(plan)));

  // (a) in-process: spec + stack + synth to a directory, as the app does.
  const spec = infraSpec(plan);
  const inProcess = [];
  for (let i = 0; i <= RUNS; i++) {
    const t0 = process.hrtime.bigint();
    synthesizeTo(spec, join(work, `in-process-${i}`));
    if (i > 0) inProcess.push(ms(t0)); // the first run warms the JIT
  }
  const env = { ...process.env, PLAN_FILE: planFile, HOME: work, TF_CLI_CONFIG_FILE: join(work, 'terraformrc'), CHECKPOINT_DISABLE: '1', DISABLE_VERSION_CHECK: '1', CDKTF_DISABLE_PLUGIN_CACHE_ENV: '1', CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
  writeFileSync(env.TF_CLI_CONFIG_FILE, '');
  const cold = [];
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['dist/main.js'], { cwd: pkg, env: { ...env, CDKTF_OUTDIR: join(work, `cold-${i}`) }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`node dist/main.js exited ${r.status}: ${r.stderr}`);
    cold.push(ms(t0));
  }

  // (b) the real CLI.
  const cli = [];
  for (let i = 0; ptyPrebuilt && i < CLI_RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cdktfBin, 'synth', '--app', `"${process.execPath}" dist/main.js`, '--output', join(work, `cli-${i}`)], { cwd: pkg, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`cdktf synth exited ${r.status}: ${r.stdout}${r.stderr}`);
    cli.push(ms(t0));
  }

  const synthesized = JSON.parse(readFileSync(join(work, 'in-process-0/stacks/tier-planner/cdk.tf.json'), 'utf8'));
  const resources = Object.values(synthesized.resource).reduce((n, byName) => n + Object.keys(byName).length, 0);
  const target = 10_000;
  if (!ptyPrebuilt) {
    console.log(`cdktf synth CLI: not run on node ${process.version} (ABI ${process.versions.modules}): cdktf-cli 0.21's node-pty has no build for it; run the bench on Node 20 or 22`);
  }
  const cliMedian = ptyPrebuilt ? median(cli) : NaN;
  console.log(`reference-infra synth, ${plan.profile.name} at ${plan.users.toLocaleString('en-US')} users (${resources} resources), node ${process.version}`);
  const inProcessTarget = 300;
  console.log(`  in-process synth (warm), median of ${RUNS}:        ${median(inProcess).toFixed(1).padStart(8)} ms   (target <= ${inProcessTarget} ms: ${median(inProcess) <= inProcessTarget ? 'met' : 'MISSED'})`);
  console.log(`  node dist/main.js (cold process), median of 3:   ${median(cold).toFixed(1).padStart(8)} ms`);
  if (ptyPrebuilt) console.log(`  cdktf synth CLI wall time, median of ${CLI_RUNS}:        ${cliMedian.toFixed(1).padStart(8)} ms   (target <= ${target} ms: ${cliMedian <= target ? 'met' : 'MISSED'})`);
  process.exitCode = !ptyPrebuilt || cliMedian <= target ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
