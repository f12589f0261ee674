// A/B: base dist vs current dist, interleaved, fresh book each run.
const base = await import(`../../node_modules/.bench/${process.env.BASE ?? 'base'}/index.js`);
const cur = await import('../../packages/cost-model/dist/index.js');
const N = Number(process.env.N ?? 15);
const what = process.env.W ?? 'fb';
const run = (m) => {
  const b = m.loadPriceBook({ region: 'us-east-1', embeddedOnly: true });
  const s = performance.now();
  if (what === 'fb') m.findBreakpoints('eks-web-app', 1, 10_000_000, b, { tiers: m.DEFAULT_LADDER });
  else m.planTier({ users: 10_000, profile: 'eks-web-app' }, b, { samples: 5000 });
  return performance.now() - s;
};
const t = { base: [], cur: [] };
for (let i = 0; i < 3; i++) { run(base); run(cur); }
for (let i = 0; i < N; i++) { t.base.push(run(base)); t.cur.push(run(cur)); }
const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log(`${what}: base ${med(t.base).toFixed(1)} ms, current ${med(t.cur).toFixed(1)} ms, ratio ${(med(t.cur) / med(t.base)).toFixed(2)}`);
