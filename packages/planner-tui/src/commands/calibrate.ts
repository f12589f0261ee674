import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { diffPlans, getProfile, planTier, type Measurements, type Profile } from '@tier-planner/cost-model';
import { calibrate as coreCalibrate, type Calibrate, type CalibrationResult } from '../calibrate/calibrate-core.js';
import { prometheusClient, PrometheusError, type Timers } from '../calibrate/prometheus-client.js';
import { QUERY_KEYS, type QueryKey, type QueryTemplates, type Workload } from '../calibrate/queries.js';
import { readMeasurements } from '../calibrate/read-measurements.js';
import type { CliIo } from '../cli/io.js';
import { usageErrors } from '../cli/parse-args.js';
import { parseDurationFlag } from '../cli/parse-duration.js';
import { parseUsers } from '../cli/parse-numbers.js';
import { planInputs, readJsonFile } from '../cli/plan-inputs.js';
import { EXIT, UsageError } from '../cli/usage-error.js';
import { renderDiffText } from '../render/diff-text.js';
import { toJsonText } from '../render/json.js';
import { printable, printableLines, quoted } from '../render/printable.js';

export const CALIBRATE_HELP = `Usage: tier-planner calibrate --prometheus URL --users N [options]

Measures the profile's assumptions in your own Prometheus (range queries over the window) and
writes a calibrated profile: every changed assumption with its old and new value, the PromQL,
window, sample count and confidence; the assumptions that kept their defaults and why; then the
plan at N users before and after. Docs: docs/calibrate.md

Options:
  --prometheus URL        Prometheus's base URL (http://host:9090)
  --users N               the users the plan is for (and per-user rates are divided by)
  --profile NAME          built-in profile; default eks-web-app (or --profile-file FILE)
  --window W              how far back to read: 6h, 14d, 2w (1h to 90d); default 14d
  --out FILE              write the calibrated profile (JSON, for --profile-file) to FILE
  --map SERVICE=WORKLOAD  the workload a profile service runs as: NAME or NAMESPACE/NAME
                          (the container, deployment and ingress service); repeatable
  --queries FILE          PromQL replacing the defaults (JSON; docs/calibrate.md)
  --timeout T             per-request deadline (500ms, 30s, 2m); default 30s
  --region R --date D     the plan's region and date, as for tier-planner plan
  --json                  the measurements, changes and the plan diff as JSON

Exit status: 0 calibrated (some assumptions may keep their defaults), 1 Prometheus unreachable,
too slow or failing, 2 bad input.
`;

const DAY = 86_400;
const WINDOW_UNITS: Readonly<Record<string, number>> = { h: 3_600, d: DAY, w: 7 * DAY };

export interface CalibrateDeps {
  readonly calibrate: Calibrate;
  readonly timers?: Timers;
}

/** `tier-planner calibrate`: Prometheus → measurements → calibrated profile → plan before and after. */
export function calibrateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  return runCalibrate(argv, io, { calibrate: coreCalibrate });
}

export async function runCalibrate(argv: readonly string[], io: CliIo, deps: CalibrateDeps): Promise<number> {
  const { values } = usageErrors(() =>
    parseArgs({
      args: [...argv],
      strict: true,
      options: {
        prometheus: { type: 'string' },
        users: { type: 'string' },
        profile: { type: 'string' },
        'profile-file': { type: 'string' },
        window: { type: 'string' },
        out: { type: 'string' },
        map: { type: 'string', multiple: true },
        queries: { type: 'string' },
        timeout: { type: 'string' },
        region: { type: 'string' },
        date: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  );
  if (values.help) {
    io.stdout.write(CALIBRATE_HELP);
    return EXIT.ok;
  }
  const url = parseUrl(values.prometheus);
  const users = parseUsers(values.users);
  const windowSeconds = parseWindow(values.window ?? '14d');
  const timeoutMs = values.timeout === undefined ? 30_000 : parseDurationFlag('--timeout', values.timeout);
  if (values.out === '') throw new UsageError('--out needs a file name (for example --out calibrated.json)');
  const inputs = planInputs({ profile: values.profile, 'profile-file': values['profile-file'], region: values.region, date: values.date }, io.now);
  const profile: Profile = typeof inputs.profile === 'string' ? getProfile(inputs.profile) : inputs.profile;
  const services = profile.services.map((s) => s.name);
  const workloads = parseMaps(values.map ?? [], services);
  const templates = values.queries === undefined ? { all: {}, services: {} } : readQueriesFile(values.queries, services);

  const now = (io.now ?? (() => new Date()))();
  let measurements: Measurements;
  try {
    measurements = await readMeasurements({
      client: prometheusClient({ url, timeoutMs, ...(deps.timers ? { timers: deps.timers } : {}) }),
      services,
      workloads,
      templates,
      end: now.getTime() / 1000,
      windowSeconds,
    });
  } catch (e) {
    // A query Prometheus refuses is the queries file's fault when there is one.
    if (e instanceof PrometheusError && e.failure === 'query' && values.queries !== undefined) throw new UsageError(`${printable(values.queries)}: ${e.message}`);
    throw e;
  }

  const result = deps.calibrate(profile, measurements, { users });
  const before = planTier({ users, profile }, inputs.book, inputs.options);
  const after = planTier({ users, profile: result.profile }, inputs.book, inputs.options);
  const d = diffPlans(before, after);
  if (values.out !== undefined) writeFileAtomic(values.out, `${JSON.stringify(result.profile, null, 2)}\n`);

  if (values.json) {
    io.stdout.write(toJsonText({ kind: 'tier-planner-calibration', prometheus: url, users, measurements, changes: result.changes, keptDefaults: result.keptDefaults, replicas: result.replicas ?? [], warnings: result.warnings ?? [], profile: result.profile, diff: d, total: { before: before.monthly.total, after: after.monthly.total } }));
    return EXIT.ok;
  }
  const labels: [string, string] = ['profile', 'calibrated'];
  io.stdout.write(printableLines([...reportLines(url, measurements, result, values.out), '', `Plan at ${users.toLocaleString('en-US')} users, before → after:`, renderDiffText(labels, [before, after], d)].join('\n')));
  return EXIT.ok;
}

function reportLines(url: string, m: Measurements, result: CalibrationResult, out: string | undefined): string[] {
  const lines = [`Calibrated from ${url}: ${m.window.start} → ${m.window.end}, ${m.window.stepSeconds} s steps`, ''];
  lines.push(result.changes.length ? 'Changed assumptions:' : 'Changed assumptions: none');
  for (const c of result.changes) {
    const old = c.old === undefined ? '(default)' : `${show(c.old)}${c.oldWasDefault ? ' (default)' : ''}`;
    lines.push(`  ${c.assumption}: ${old} → ${show(c.new)} (${c.confidence} confidence, ${c.samples.toLocaleString('en-US')} samples, window ${c.window.start} → ${c.window.end})`);
    lines.push(`    why: ${c.why}`, `    PromQL: ${c.query}`);
  }
  lines.push('', result.keptDefaults.length ? 'Kept defaults:' : 'Kept defaults: none');
  for (const k of result.keptDefaults) lines.push(`  ${k.assumption}${k.value !== undefined ? ` = ${show(k.value)}` : ''}: ${k.reason}`);
  const running = (result.replicas ?? []).filter((r) => r.averageRunning || r.peakRunning);
  if (running.length) {
    lines.push('', 'Replicas running (measured; the plan sizes its own):');
    for (const r of running) lines.push(`  ${r.service}: ${[r.averageRunning && `average ${show(r.averageRunning.value)}`, r.peakRunning && `busiest hour ${show(r.peakRunning.value)}`].filter(Boolean).join(', ')}`);
  }
  if (m.missing.length) {
    lines.push('', 'Not measured:');
    for (const x of m.missing) lines.push(`  ${x.what}: ${x.reason}`);
  }
  for (const w of result.warnings ?? []) lines.push(`Note: ${w}`);
  lines.push('', out !== undefined ? `Calibrated profile written to ${out} (use it with --profile-file).` : 'Pass --out FILE to write the calibrated profile.');
  return lines;
}

/** A number en-US with up to 4 decimals; an hourly curve as its 24 levels. */
const show = (v: Value): string => (typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 4 }) : `[${v.map((x) => show(x)).join(', ')}]`);
type Value = number | readonly number[];

function parseUrl(text: string | undefined): string {
  if (text === undefined) throw new UsageError('--prometheus is required (for example --prometheus http://127.0.0.1:9090)');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--prometheus must be an http:// or https:// URL, got ${quoted(text)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--prometheus must be an http:// or https:// URL, got ${quoted(text)}`);
  return url.toString().replace(/\/+$/, '');
}

/** `--window 14d`: a whole number of hours, days or weeks, 1h to 90d → seconds. */
export function parseWindow(text: string): number {
  const m = /^(\d{1,4})([hdw])$/.exec(text);
  const seconds = m ? Number(m[1]) * WINDOW_UNITS[m[2]!]! : NaN;
  if (!(seconds >= 3_600 && seconds <= 90 * DAY)) throw new UsageError(`--window must be hours, days or weeks between 1h and 90d (for example 14d), got ${quoted(text)}`);
  return seconds;
}

/** `--map web-api=prod/api`: the profile service runs as workload api in namespace prod. */
function parseMaps(maps: readonly string[], services: readonly string[]): Record<string, Workload> {
  const out: Record<string, Workload> = {};
  const label = /^[A-Za-z0-9][-A-Za-z0-9_.]*$/;
  for (const text of maps) {
    const eq = text.indexOf('=');
    const service = text.slice(0, eq);
    const target = text.slice(eq + 1);
    const parts = target.split('/');
    if (eq < 1 || parts.length > 2 || !parts.every((p) => label.test(p))) throw new UsageError(`--map must be SERVICE=WORKLOAD or SERVICE=NAMESPACE/WORKLOAD, got ${quoted(text)}`);
    if (!services.includes(service)) throw new UsageError(`--map ${quoted(service)}: the profile has no such service (it has ${services.join(', ')})`);
    out[service] = parts.length === 2 ? { namespace: parts[0]!, name: parts[1]! } : { name: parts[0]! };
  }
  return out;
}

/** { "requestRate": "…", "services": { "web-api": { "cpuSecondsRate": "…" } } }: every key a known query, every value PromQL text. */
function readQueriesFile(path: string, services: readonly string[]): QueryTemplates {
  const value = readJsonFile(path, 'queries file');
  const name = printable(path);
  const problems: string[] = [];
  const known = (QUERY_KEYS as readonly string[]).join(', ');
  const templatesIn = (obj: Record<string, unknown>, at: string, skip: string[]) => {
    const t: Partial<Record<QueryKey, string>> = {};
    for (const [k, v] of Object.entries(obj)) {
      if (skip.includes(k)) continue;
      if (!(QUERY_KEYS as readonly string[]).includes(k)) problems.push(`${at}.${k}: not a query this command sends (known: ${known})`);
      else if (typeof v !== 'string' || v.trim() === '') problems.push(`${at}.${k}: must be PromQL text`);
      else t[k as QueryKey] = v;
    }
    return t;
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`queries file ${name} must be a JSON object of query name → PromQL (known: ${known})`);
  const all = templatesIn(value as Record<string, unknown>, '$', ['services']);
  const per: Record<string, Partial<Record<QueryKey, string>>> = {};
  const byService = (value as { services?: unknown }).services;
  if (byService !== undefined) {
    if (typeof byService !== 'object' || byService === null || Array.isArray(byService)) problems.push('$.services: must be an object of service name → queries');
    else
      for (const [s, v] of Object.entries(byService)) {
        if (!services.includes(s)) problems.push(`$.services.${s}: the profile has no such service`);
        else if (typeof v !== 'object' || v === null || Array.isArray(v)) problems.push(`$.services.${s}: must be an object of query name → PromQL`);
        else per[s] = templatesIn(v as Record<string, unknown>, `$.services.${s}`, []);
      }
  }
  if (problems.length) throw new UsageError(`${name}: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`);
  return { all, services: per };
}

/** Readers see the old file or the whole new one, never a part. */
function writeFileAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UsageError(`cannot write --out ${printable(path)}: ${printable((e as NodeJS.ErrnoException).code ?? (e as Error).message)}`);
  }
}
