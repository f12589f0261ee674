#!/usr/bin/env node
// Cost-model benchmark: planTier over the full EC2 catalog at 10 and 10M users, an 8-tier
// ladder, the breakpoint search 1 → 10M and 5,000 uncertainty samples. Medians of many runs in
// one process after warm-up; then the CLI commands that run them against `node -e 0`, interleaved
// in one run. Prints each figure with its target.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LADDER, findBreakpoints, loadPriceBook, planLadder, planTier } from '@tier-planner/cost-model';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const profile = process.env.BENCH_PROFILE ?? 'eks-web-app';
const book = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });

function median(fn, runs) {
  for (let i = 0; i < Math.min(50, runs); i++) fn();
  const t = [];
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    fn();
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  t.sort((a, b) => a - b);
  return { median: t[Math.floor(t.length / 2)], p90: t[Math.floor(t.length * 0.9)] };
}

const fmt = (r) => `median ${r.median.toFixed(3).padStart(7)} ms  p90 ${r.p90.toFixed(3).padStart(7)} ms`;
const at10 = median(() => planTier({ users: 10, profile }, book), RUNS);
const at10m = median(() => planTier({ users: 10_000_000, profile }, book), RUNS);
const ladder = median(() => planLadder(profile, book, DEFAULT_LADDER), Math.max(20, RUNS / 8));
console.log(`cost model, profile ${profile}, ${book.instanceTypes.length} EC2 types in the catalog, node ${process.version}`);
console.log(`  planTier at 10 users:          ${fmt(at10)}`);
console.log(`  planTier at 10,000,000 users:  ${fmt(at10m)}   (target median <= 2 ms)`);
console.log(`  planLadder, 8 tiers:           ${fmt(ladder)}   (target median <= 20 ms)`);
console.log(`  ratio 10M / 10 users:          ${(at10m.median / at10.median).toFixed(2)}x   (target <= 1.5x)`);

// Each run on a freshly loaded book: the node choice keeps its scans per book, and a run must not
// reuse the previous run's (the CLI starts with none).
function medianOnFreshBooks(fn, runs) {
  const t = [];
  for (let i = 0; i <= runs; i++) {
    const fresh = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });
    const s = process.hrtime.bigint();
    fn(fresh);
    if (i > 0) t.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  t.sort((a, b) => a - b);
  return { median: t[Math.floor(t.length / 2)], p90: t[Math.floor(t.length * 0.9)] };
}
const search = medianOnFreshBooks((b) => findBreakpoints(profile, 1, 10_000_000, b, { tiers: DEFAULT_LADDER }), Math.max(15, RUNS / 20));
const samples = medianOnFreshBooks((b) => planTier({ users: 10_000, profile }, b, { samples: 5000 }), Math.max(5, RUNS / 40));
console.log(`  findBreakpoints 1 → 10M:       ${fmt(search)}   (target median <= 100 ms)`);
console.log(`  planTier, 5,000 samples:       ${fmt(samples)}   (in-process, warm; the CLI below runs it cold: target <= 1,000 ms there)`);

// The CLI around them: process start, module loading and printing included.
const CLI_RUNS = Number(process.env.BENCH_CLI_RUNS ?? 15);
const bin = fileURLToPath(new URL('../../packages/planner-tui/bin/tier-planner.js', import.meta.url));
function time(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
const runs = { bare: [], ladder: [], samples: [] };
for (let i = 0; i < CLI_RUNS; i++) {
  runs.bare.push(time(['-e', '0']));
  runs.ladder.push(time([bin, 'ladder', '--profile', profile]));
  runs.samples.push(time([bin, '--profile', profile, '--users', '10000', '--samples', '5000', '--print']));
}
const mid = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const [bare, ladderCli, samplesCli] = [mid(runs.bare), mid(runs.ladder), mid(runs.samples)];
console.log(`CLI, medians of ${CLI_RUNS} interleaved runs:`);
console.log(`  node -e 0                                          ${bare.toFixed(1).padStart(7)} ms`);
console.log(`  tier-planner ladder                                ${ladderCli.toFixed(1).padStart(7)} ms   ratio ${(ladderCli / bare).toFixed(2)}x (target <= 3x)`);
console.log(`  tier-planner --users 10000 --samples 5000 --print  ${samplesCli.toFixed(1).padStart(7)} ms   (target <= 1,000 ms)`);
