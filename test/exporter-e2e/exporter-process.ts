// The built tier-planner-exporter bin as a child process, on a port it picks and logs.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { startChild, type RunningChild } from './child-process.js';
import { exporterDir } from './prometheus-tools.js';

const BIN = join(exporterDir, 'bin/tier-planner-exporter.js');
const BUILT_MAIN = join(exporterDir, 'dist/cli/main.js');

export interface ExporterProcess {
  /** host:port, as Prometheus targets are written. */
  readonly target: string;
  readonly child: RunningChild;
}

/** Writes `config` as YAML into workDir/<name>.yaml and runs the exporter on it. */
export async function startExporterProcess(name: string, workDir: string, config: object): Promise<ExporterProcess> {
  if (!existsSync(BUILT_MAIN)) throw new Error(`${BUILT_MAIN} is missing: build first (npx tsc -b packages/exporter)`);
  const configFile = join(workDir, `${name}.yaml`);
  writeFileSync(configFile, stringify(config));
  const child = startChild(name, process.execPath, [BIN, '--config', configFile], {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: workDir,
    TIER_PLANNER_PRICING_DIR: process.env.TIER_PLANNER_PRICING_DIR ?? join(workDir, 'no-user-pricing'),
    // Fake credentials for the fake Cost Explorer; no shared config or instance metadata lookups.
    AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE',
    AWS_SECRET_ACCESS_KEY: 'fake-secret-for-the-loopback-fake',
    AWS_CONFIG_FILE: join(workDir, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(workDir, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  const line = await child.waitForLine((l) => l.includes('"msg":"listening"'), 15_000);
  const { port } = JSON.parse(line) as { port: number };
  return { target: `127.0.0.1:${port}`, child };
}
