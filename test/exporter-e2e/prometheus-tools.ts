// Locating the Prometheus binaries the exporter tests run. They are Debian's `prometheus` package
// (.ci/run installs it); a missing binary is a failure with a clear message, never a skip.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const exporterDir = join(repoRoot, 'packages/exporter');
export const alertRulesFile = join(exporterDir, 'prometheus/tier-planner-alerts.yml');
export const alertTestsFile = join(exporterDir, 'prometheus/tier-planner-alerts.test.yml');

/** Absolute path of `name` from $PATH (plus /usr/bin), or an Error saying how to install it. */
export function findBinary(name: 'promtool' | 'prometheus'): string {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin'].filter(Boolean);
  for (const dir of dirs) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next directory
    }
  }
  throw new Error(`${name} is not installed (looked in PATH and /usr/bin). Install Debian's "prometheus" package (apt-get install prometheus), as .ci/run does.`);
}

export function runPromtool(args: string[], cwd: string = repoRoot): SpawnSyncReturns<string> {
  return spawnSync(findBinary('promtool'), args, { cwd, encoding: 'utf8', timeout: 20_000 });
}

/** promtool's combined output, for assertion messages. */
export function outputOf(run: SpawnSyncReturns<string>): string {
  return `exit ${run.status}\n${run.stdout}\n${run.stderr}`;
}
