// A/B: base (722947e) vs this branch, interleaved in one process so machine load hits both alike.
import * as head from '@tier-planner/cost-model';
const base = await import('../.bench-base/packages/cost-model/dist/index.js');
const RUNS = 300;
function time(fn) { const s = process.hrtime.bigint(); fn(); return Number(process.hrtime.bigint() - s) / 1e6; }
const med = (t) => { t.sort((a, b) => a - b); return t[Math.floor(t.length / 2)]; };
for (const profile of ['eks-web-app', 'trading-fargate']) {
  const bh = head.loadPriceBook({ region: 'us-east-1', embeddedOnly: true });
  const bb = base.loadPriceBook({ region: 'us-east-1', embeddedOnly: true });
  const r = { b10m: [], h10m: [], bl: [], hl: [] };
  for (let i = 0; i < 50; i++) { base.planTier({ users: 1e7, profile }, bb); head.planTier({ users: 1e7, profile }, bh); }
  for (let i = 0; i < RUNS; i++) {
    r.b10m.push(time(() => base.planTier({ users: 1e7, profile }, bb)));
    r.h10m.push(time(() => head.planTier({ users: 1e7, profile }, bh)));
    if (i % 8 === 0) {
      r.bl.push(time(() => base.planLadder(profile, bb, base.DEFAULT_LADDER)));
      r.hl.push(time(() => head.planLadder(profile, bh, head.DEFAULT_LADDER)));
    }
  }
  console.log(`${profile}: planTier 10M base ${med(r.b10m).toFixed(3)} ms, branch ${med(r.h10m).toFixed(3)} ms; ladder base ${med(r.bl).toFixed(3)} ms, branch ${med(r.hl).toFixed(3)} ms`);
}
