// A real Prometheus on loopback serving backfilled history: OpenMetrics text → promtool's
// create-blocks-from openmetrics → TSDB blocks → `prometheus` on them (nothing is scraped).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startChild, type RunningChild } from '../exporter-e2e/child-process.js';
import { freeLoopbackPort } from '../exporter-e2e/free-port.js';
import { findBinary, outputOf, runPromtool } from '../exporter-e2e/prometheus-tools.js';

export interface BackfilledPrometheus {
  readonly url: string;
  readonly child: RunningChild;
  stop(): Promise<void>;
}

export async function startBackfilledPrometheus(workDir: string, openMetricsText: string): Promise<BackfilledPrometheus> {
  const input = join(workDir, 'series.om.txt');
  const tsdb = join(workDir, 'tsdb');
  mkdirSync(tsdb, { recursive: true });
  writeFileSync(input, openMetricsText);
  // Day-long blocks: 14 blocks instead of 168 two-hour ones, so backfill and start-up stay quick.
  const backfill = runPromtool(['tsdb', 'create-blocks-from', 'openmetrics', '--max-block-duration=24h', input, tsdb], workDir);
  if (backfill.status !== 0) throw new Error(`promtool backfill failed: ${outputOf(backfill)}`);
  const config = join(workDir, 'prometheus.yml');
  writeFileSync(config, 'global:\n  scrape_interval: 30s\n');
  const port = await freeLoopbackPort();
  const child = startChild(
    'prometheus',
    findBinary('prometheus'),
    // Retention well past the backfilled fortnight, so nothing is dropped while the test reads it.
    [`--config.file=${config}`, `--storage.tsdb.path=${tsdb}`, '--storage.tsdb.retention.time=100y', `--web.listen-address=127.0.0.1:${port}`],
    workDir,
    { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: workDir },
  );
  await child.waitForLine((line) => line.includes('Server is ready to receive web requests'), 20_000);
  return { url: `http://127.0.0.1:${port}`, child, stop: () => child.stop() };
}
