#!/usr/bin/env node
// Cost-model benchmark: planTier over the full EC2 catalog at 10 and 10M users, and an 8-tier
// ladder. Medians of many runs in one process after warm-up; prints figures and ratios.
import { DEFAULT_LADDER, loadPriceBook, planLadder, planTier } from '@tier-planner/cost-model';

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
