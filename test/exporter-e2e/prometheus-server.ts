// A real Prometheus for the end-to-end test: temp config and TSDB, loopback port, HTTP API helpers.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { startChild, type RunningChild } from './child-process.js';
import { freeLoopbackPort } from './free-port.js';
import { findBinary } from './prometheus-tools.js';

export interface PromSeries {
  readonly metric: Record<string, string>;
  readonly value: [number, string];
}

export interface PromAlertingRule {
  readonly name: string;
  readonly type: string;
  readonly state?: string;
  readonly alerts: readonly { readonly labels: Record<string, string>; readonly state: string }[];
}

export interface PrometheusServer {
  readonly url: string;
  readonly child: RunningChild;
  query(expr: string): Promise<PromSeries[]>;
  alertingRules(): Promise<PromAlertingRule[]>;
  /** Scrape targets' health ("up", "down", "unknown") by scrape URL. */
  targets(): Promise<{ scrapeUrl: string; health: string; lastError: string }[]>;
}

export interface PrometheusOptions {
  readonly workDir: string;
  readonly targets: readonly string[];
  readonly ruleFiles: readonly string[];
}

export async function startPrometheus({ workDir, targets, ruleFiles }: PrometheusOptions): Promise<PrometheusServer> {
  const binary = findBinary('prometheus');
  const configFile = join(workDir, 'prometheus.yml');
  writeFileSync(
    configFile,
    stringify({
      global: { scrape_interval: '1s', scrape_timeout: '1s', evaluation_interval: '1s' },
      rule_files: [...ruleFiles],
      scrape_configs: [{ job_name: 'tier-planner-exporter', static_configs: [{ targets: [...targets] }] }],
    }),
  );
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}`;
  const child = startChild(
    'prometheus',
    binary,
    [`--config.file=${configFile}`, `--storage.tsdb.path=${join(workDir, 'tsdb')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=info'],
    workDir,
    { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: workDir },
  );
  await child.waitForLine((line) => line.includes('Server is ready to receive web requests'), 15_000);

  async function api<T>(path: string): Promise<T> {
    const response = await fetch(`${url}${path}`);
    const body = (await response.json()) as { status: string; data: T; error?: string };
    if (body.status !== 'success') throw new Error(`Prometheus ${path}: ${body.error ?? response.status}`);
    return body.data;
  }

  return {
    url,
    child,
    async query(expr) {
      const data = await api<{ resultType: string; result: PromSeries[] }>(`/api/v1/query?query=${encodeURIComponent(expr)}`);
      if (data.resultType !== 'vector') throw new Error(`expected an instant vector from ${expr}, got ${data.resultType}`);
      return data.result;
    },
    async alertingRules() {
      const data = await api<{ groups: { rules: PromAlertingRule[] }[] }>('/api/v1/rules?type=alert');
      return data.groups.flatMap((g) => g.rules);
    },
    async targets() {
      const data = await api<{ activeTargets: { scrapeUrl: string; health: string; lastError: string }[] }>('/api/v1/targets');
      return data.activeTargets;
    },
  };
}
