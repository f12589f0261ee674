#!/usr/bin/env node
// `npm test`: builds, runs the vitest suite under this Node (20) and under Node 24 LTS, then the
// clock-sensitive tests again under libfaketime at three hard instants, and ends with one plain
// line summed over every run from vitest's JSON reports: "N passed, N failed".
// The bin tests run on the shipped esbuild bundle; the main ones run again on the tsc build
// (TIER_PLANNER_BIN), so both builds stay the same program.
// TIER_PLANNER_TEST_RUNTIMES=current runs only this Node (a quicker local loop);
// TIER_PLANNER_TEST_DATES=off leaves out the faketime runs (they are required when CI is set).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLOCK_SENSITIVE_TESTS, FAKE_INSTANTS, findLibfaketime } from './clock-sensitive-tests.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, '.test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const TSC_BUILD_BIN_TESTS = ['test/cli/bin-basics.test.ts', 'test/cli/printed-goldens.test.ts', 'test/cli/bad-input-bin.test.ts', 'test/cli/printed-figures-bin.test.ts'];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const runs = [{ name: `node-${process.versions.node}`, cmd: [process.execPath], filters: [], env: {} }];
if (process.env.TIER_PLANNER_TEST_RUNTIMES !== 'current') {
  runs.push({ name: 'node-24', cmd: [npm === 'npm' ? 'npx' : 'npx.cmd', '-y', '-p', 'node@24', 'node'], filters: [], env: {} });
}

// The same command from dist/cli/ (one file per module), through the bin tests that cover its surface.
runs.push({
  name: `node-${process.versions.node} on the tsc build`,
  cmd: [process.execPath],
  filters: TSC_BUILD_BIN_TESTS,
  env: { TIER_PLANNER_BIN: join(root, 'test/cli/tsc-build-bin.mjs') },
});

let passed = 0;
let failed = 0;
const summaries = [];

if (process.env.TIER_PLANNER_TEST_DATES !== 'off') {
  const lib = findLibfaketime();
  if (lib === undefined) {
    const line = `faketime runs: libfaketime not found (apt-get install faketime)${process.env.CI ? '; required in CI, counted as one failure' : '; skipped'}`;
    summaries.push(line);
    if (process.env.CI) failed += 1;
  } else {
    for (const instant of FAKE_INSTANTS) {
      runs.push({
        name: `node-${process.versions.node} at ${instant}`,
        cmd: [process.execPath],
        filters: CLOCK_SENSITIVE_TESTS,
        // "@" starts the clock at the instant and lets it run; monotonic clocks stay real so timers keep working.
        env: { LD_PRELOAD: lib, FAKETIME: `@${instant.replace('T', ' ').replace('Z', '')}`, TZ: 'UTC', FAKETIME_DONT_FAKE_MONOTONIC: '1', FAKETIME_DONT_RESET: '1' },
      });
    }
  }
}

for (const run of runs) {
  const report = join(results, `${run.name.replace(/[^\w.-]+/g, '_')}.json`);
  const terraformReport = join(results, `${run.name.replace(/[^\w.-]+/g, '_')}.terraform.txt`);
  const [bin, ...pre] = run.cmd;
  console.log(`\n=== vitest on ${run.name} ===`);
  const child = spawnSync(bin, [...pre, join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...run.filters, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR, TIER_PLANNER_TERRAFORM_REPORT: terraformReport, ...run.env },
  });
  if (!existsSync(report)) {
    summaries.push(`${run.name}: vitest wrote no report (exit ${child.status}); counted as one failure`);
    failed += 1;
    continue;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  // A file that fails to load has no tests but is a failure all the same.
  const brokenFiles = (json.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  passed += json.numPassedTests;
  failed += json.numFailedTests + brokenFiles;
  summaries.push(`${run.name}: ${json.numPassedTests} passed, ${json.numFailedTests + brokenFiles} failed, ${json.numPendingTests + json.numTodoTests} skipped`);
  if (existsSync(terraformReport)) summaries.push(`${run.name}: ${readFileSync(terraformReport, 'utf8').trim()}`);
  if (child.status !== 0 && json.numFailedTests + brokenFiles === 0) {
    summaries.push(`${run.name}: vitest exited ${child.status} with no failed test; counted as one failure`);
    failed += 1;
  }
}
console.log('');
for (const line of summaries) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
