#!/usr/bin/env node
// CLI benchmark: cold start of the shipped bin (the esbuild bundle) and of the tsc build
// (dist/cli/, one file per module) against `node -e 0`, medians of RUNS runs of each, every
// command interleaved with the others in one run (so all see the same machine load); then the
// TUI's keystroke → frame latency at 10M users, measured in-process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const bins = {
  bundle: fileURLToPath(new URL('../../packages/planner-tui/bin/tier-planner.js', import.meta.url)),
  'tsc build': fileURLToPath(new URL('../../test/cli/tsc-build-bin.mjs', import.meta.url)),
};
// BENCH_COMPARE=name=FILE,… adds other bins (a build of an older commit) to compare in the same run.
for (const pair of (process.env.BENCH_COMPARE ?? '').split(',').filter(Boolean)) {
  const [name, file] = pair.split('=');
  bins[name] = file;
}

function time(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const commands = [
  { args: ['--users', '10000', '--print'], target: 2 },
  { args: ['ladder'], target: 3 },
  { args: ['--help'], target: 1.3 },
  { args: ['--version'], target: 1.3 },
];
// What the first use of Intl costs a process (ICU's set-up), which the printed path avoids.
const runs = [{ label: 'node -e 0', args: ['-e', '0'] }, { label: "node -e \"(1).toLocaleString('en-US')\"", name: 'Intl set-up', args: ['-e', "(1).toLocaleString('en-US')"] }];
for (const c of commands) for (const [name, bin] of Object.entries(bins)) runs.push({ label: `tier-planner ${c.args.join(' ')}`, name, args: [bin, ...c.args], target: c.target });
const times = runs.map(() => []);
// Each round starts one further along the list, so no command always runs right after a long one.
for (let i = 0; i < RUNS; i++) {
  for (let j = 0; j < runs.length; j++) {
    const k = (i + j) % runs.length;
    times[k].push(time(runs[k].args));
  }
}

const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const bare = median(times[0]);
console.log(`cold start, medians of ${RUNS} interleaved runs (node ${process.version}):`);
console.log(`  ${'node -e 0'.padEnd(52)} ${bare.toFixed(1).padStart(7)} ms`);
runs.slice(1).forEach((r, k) => {
  const m = median(times[k + 1]);
  const aim = r.name === 'bundle' ? ` (target <= ${r.target}x)` : r.target === undefined ? ` (+${(m - bare).toFixed(1)} ms)` : '';
  console.log(`  ${`${r.label} [${r.name}]`.padEnd(52)} ${m.toFixed(1).padStart(7)} ms   ratio ${(m / bare).toFixed(2)}x${aim}`);
});

// The printed path compiles the model from a V8 code cache the build made; V8 takes it only on the
// Node that built the bundle, so say whether these runs had it.
const coreLoader = fileURLToPath(new URL('../../packages/planner-tui/dist/bundle/core-loader.js', import.meta.url));
if (existsSync(coreLoader)) {
  const probe = spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(pathToFileURL(coreLoader).href)}); console.log(m.coreFromCache)`], { encoding: 'utf8' });
  console.log(`  the model's code cache: ${probe.stdout.trim() === 'true' ? 'used' : "not used (this Node is not the build's, or the cache is stale: npm run build)"}`);
}

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
