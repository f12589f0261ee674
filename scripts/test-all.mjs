#!/usr/bin/env node
// `npm test`: builds, runs the vitest suite under this Node (20) and under Node 24 LTS, and ends
// with one plain line summed over every run from vitest's JSON reports: "N passed, N failed".
// TIER_PLANNER_TEST_RUNTIMES=current runs only this Node (a quicker local loop).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, '.test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const runtimes = [{ name: `node-${process.versions.node}`, cmd: [process.execPath] }];
if (process.env.TIER_PLANNER_TEST_RUNTIMES !== 'current') {
  runtimes.push({ name: 'node-24', cmd: [npm === 'npm' ? 'npx' : 'npx.cmd', '-y', '-p', 'node@24', 'node'] });
}

let passed = 0;
let failed = 0;
for (const runtime of runtimes) {
  const report = join(results, `${runtime.name}.json`);
  const [bin, ...pre] = runtime.cmd;
  console.log(`\n=== vitest on ${runtime.name} ===`);
  const run = spawnSync(bin, [...pre, join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR },
  });
  if (!existsSync(report)) {
    console.log(`${runtime.name}: vitest wrote no report (exit ${run.status}); counted as one failure`);
    failed += 1;
    continue;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  // A file that fails to load has no tests but is a failure all the same.
  const brokenFiles = (json.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  passed += json.numPassedTests;
  failed += json.numFailedTests + brokenFiles;
  console.log(`${runtime.name}: ${json.numPassedTests} passed, ${json.numFailedTests + brokenFiles} failed, ${json.numPendingTests + json.numTodoTests} skipped`);
  if (run.status !== 0 && json.numFailedTests + brokenFiles === 0) {
    console.log(`${runtime.name}: vitest exited ${run.status} with no failed test; counted as one failure`);
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
