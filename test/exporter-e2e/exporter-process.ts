// tier-planner-exporter as a child process, on a port it picks and logs (or one given), running on
// a clock that starts at a chosen instant: Prometheus keeps real time, so the exporter's figures
// (month elapsed, variance, the day of the month) are made not to depend on today's date.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { startChild, type RunningChild } from './child-process.js';
import { exporterDir, repoRoot } from './prometheus-tools.js';

/** The bin's entry with an injected clock, run from source through tsx (`node --import tsx`, resolved from the repo root). */
const AT_INSTANT = join(exporterDir, 'src/testing/exporter-at-instant.ts');
const BUILT_COST_MODEL = join(repoRoot, 'packages/cost-model/dist/index.js');

/** Mid-month, a weekday, well after the variance threshold: every alert can trip on it. */
export const EXPORTER_INSTANT = '2026-11-17T10:00:00Z';

export interface ExporterProcess {
  /** host:port, as Prometheus targets are written. */
  readonly target: string;
  readonly child: RunningChild;
}

/** Writes `config` as YAML into workDir/<name>.yaml and runs the exporter on it, its clock starting at `at`. */
export async function startExporterProcess(name: string, workDir: string, config: object, at: string = EXPORTER_INSTANT): Promise<ExporterProcess> {
  if (!existsSync(BUILT_COST_MODEL)) throw new Error(`${BUILT_COST_MODEL} is missing: build first (npm run build)`);
  const configFile = join(workDir, `${name}.yaml`);
  writeFileSync(configFile, stringify({ stateFile: join(workDir, `${name}-state.json`), ...config }));
  const child = startChild(name, process.execPath, ['--import', 'tsx', AT_INSTANT, at, '--config', configFile], repoRoot, {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: workDir,
    TIER_PLANNER_PRICING_DIR: process.env.TIER_PLANNER_PRICING_DIR ?? join(workDir, 'no-user-pricing'),
    // Fake credentials for the fake Cost Explorer; no shared config or instance metadata lookups.
    AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE',
    AWS_SECRET_ACCESS_KEY: 'fake-secret-for-the-loopback-fake',
    AWS_CONFIG_FILE: join(workDir, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(workDir, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  const line = await child.waitForLine((l) => l.includes('"msg":"listening"'), 20_000);
  const { port } = JSON.parse(line) as { port: number };
  return { target: `127.0.0.1:${port}`, child };
}
