#!/usr/bin/env node
// CLI benchmark: cold start of `tier-planner --users 10000 --print` against `node -e 0`, medians of
// RUNS runs interleaved in one run (so both see the same machine load), and the TUI's keystroke →
// frame latency at 10M users, measured in-process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const bin = fileURLToPath(new URL('../../packages/planner-tui/bin/tier-planner.js', import.meta.url));

function time(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const cli = [];
const bare = [];
for (let i = 0; i < RUNS; i++) {
  bare.push(time(['-e', '0']));
  cli.push(time([bin, '--users', '10000', '--print']));
}
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const mc = median(cli);
const mb = median(bare);
console.log(`cold start, medians of ${RUNS} interleaved runs (node ${process.version}):`);
console.log(`  node -e 0                               ${mb.toFixed(1).padStart(7)} ms`);
console.log(`  tier-planner --users 10000 --print      ${mc.toFixed(1).padStart(7)} ms   ratio ${(mc / mb).toFixed(2)}x (target <= 3x)`);

// The harness is test support (not shipped in dist), so it is loaded from source through tsx.
const harness = fileURLToPath(new URL('../../packages/planner-tui/src/tui/testing/measure-keystroke.tsx', import.meta.url));
if (existsSync(harness)) {
  process.env.NODE_ENV = 'production'; // React's production build, as startTui uses
  const { tsImport } = await import('tsx/esm/api');
  const tsconfig = fileURLToPath(new URL('../../packages/planner-tui/tsconfig.json', import.meta.url));
  const { measureKeystrokes } = await tsImport(harness, { parentURL: import.meta.url, tsconfig });
  for (const [columns, rows] of [[100, 24], [120, 40], [200, 60]]) {
    for (const pane of ['line-items', 'ladder']) {
      const r = await measureKeystrokes(Number(process.env.BENCH_KEYS ?? 100), { columns, rows, pane });
      console.log(`TUI keystroke → new frame at 10M users, ${columns}x${rows}, ${pane} pane: median ${r.median.toFixed(2)} ms, p90 ${r.p90.toFixed(2)} ms (target <= 16 ms)`);
    }
  }
} else {
  console.log(`TUI keystroke: no harness at ${harness}`);
}
