import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { dec, PLAN_TAG_KEY, type Decimal } from '@tier-planner/cost-model';
import type { CostExplorerConfig, ExporterConfig, PlanConfig, PlanSource, SpendMatch } from './config-types.js';
import { parseDuration } from './duration.js';
import { fail, known, object, optionalString, withFile, type Obj } from './config-fields.js';
import { actualsConfig } from './validate-actuals.js';

export const DEFAULTS = {
  host: '0.0.0.0',
  port: 9464,
  region: 'us-east-1',
  refreshInterval: '6h',
  forecastRefreshInterval: '24h',
  dailyRequestBudget: 30,
  // AWS Cost Management pricing: "$0.01 per paginated API request" for Cost Explorer.
  pricePerRequestUsd: '0.01',
  predictionIntervalLevel: 80,
  backoffInitial: '1m',
  backoffMax: '1h',
  requestTimeout: '30s',
  varianceMinElapsed: '24h',
} as const;

/**
 * $XDG_STATE_HOME/tier-planner-exporter/state-<hash>.json, or ~/.local/state/… as the XDG spec
 * says. The hash is of the config file's absolute path: exporters run with different configs keep
 * different histories (each forgets plans that are not in its own config).
 */
export function defaultStateFile(configFile: string, env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_STATE_HOME && isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : join(env.HOME || homedir(), '.local', 'state');
  const hash = createHash('sha256').update(resolve(configFile)).digest('hex').slice(0, 12);
  return join(base, 'tier-planner-exporter', `state-${hash}.json`);
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** Checks a parsed config document; every problem is a ConfigError naming the field. */
export function validateConfig(doc: unknown, file: string): ExporterConfig {
  const root = object(doc, 'the config', file);
  known(root, ['listen', 'costExplorer', 'actuals', 'plans', 'logLevel', 'stateFile', 'varianceMinElapsed'], '', file);
  const listen = root.listen === undefined ? {} : object(root.listen, 'listen', file);
  known(listen, ['host', 'port'], 'listen.', file);
  const port = listen.port ?? DEFAULTS.port;
  if (!Number.isInteger(port) || (port as number) < 0 || (port as number) > 65_535) fail(file, `listen.port must be a whole number from 0 to 65535, got ${JSON.stringify(port)}`);
  const host = optionalString(listen.host, 'listen.host', file) ?? DEFAULTS.host;
  const plans = root.plans;
  if (!Array.isArray(plans) || plans.length === 0) fail(file, 'plans must be a list with at least one plan');
  const parsed = (plans as unknown[]).map((p, i) => planConfig(p, `plans[${i}]`, file));
  const names = parsed.map((p) => p.name).filter((n): n is string => n !== undefined);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) fail(file, `plan name ${JSON.stringify(dup)} is used twice; names must be unique`);
  const logLevel = optionalString(root.logLevel, 'logLevel', file) ?? 'info';
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) fail(file, `logLevel must be debug, info, warn or error, got ${JSON.stringify(logLevel)}`);
  const stateFile = optionalString(root.stateFile, 'stateFile', file);
  const varianceMinElapsedMs = root.varianceMinElapsed === 0 || root.varianceMinElapsed === '0' ? 0 : withFile(file, () => parseDuration(root.varianceMinElapsed ?? DEFAULTS.varianceMinElapsed, 'varianceMinElapsed'));
  return {
    file,
    listen: { host, port: port as number },
    costExplorer: costExplorer(root.costExplorer, file),
    actuals: actualsConfig(root.actuals, parsed, file),
    plans: parsed,
    logLevel: logLevel as ExporterConfig['logLevel'],
    stateFile: stateFile === undefined ? defaultStateFile(file) : isAbsolute(stateFile) ? stateFile : resolve(file, '..', stateFile),
    varianceMinElapsedMs,
  };
}

function costExplorer(value: unknown, file: string): CostExplorerConfig {
  const ce = value === undefined ? {} : object(value, 'costExplorer', file);
  known(ce, ['region', 'profile', 'endpoint', 'refreshInterval', 'forecastRefreshInterval', 'dailyRequestBudget', 'pricePerRequestUsd', 'splitEc2Other', 'predictionIntervalLevel', 'backoffInitial', 'backoffMax', 'requestTimeout'], 'costExplorer.', file);
  const region = optionalString(ce.region, 'costExplorer.region', file) ?? DEFAULTS.region;
  if (!REGION.test(region)) fail(file, `costExplorer.region must be an AWS region code such as us-east-1, got ${JSON.stringify(region)}`);
  const endpoint = optionalString(ce.endpoint, 'costExplorer.endpoint', file);
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(endpoint)) fail(file, `costExplorer.endpoint must be an http(s) URL, got ${JSON.stringify(endpoint)}`);
  const budget = ce.dailyRequestBudget ?? DEFAULTS.dailyRequestBudget;
  if (!Number.isInteger(budget) || (budget as number) < 1) fail(file, `costExplorer.dailyRequestBudget must be a whole number of at least 1, got ${JSON.stringify(budget)}`);
  const level = ce.predictionIntervalLevel ?? DEFAULTS.predictionIntervalLevel;
  if (!Number.isInteger(level) || (level as number) < 51 || (level as number) > 99) fail(file, `costExplorer.predictionIntervalLevel must be a whole number from 51 to 99, got ${JSON.stringify(level)}`);
  const split = ce.splitEc2Other ?? true;
  if (typeof split !== 'boolean') fail(file, 'costExplorer.splitEc2Other must be true or false');
  const duration = (key: string, fallback: string) => withFile(file, () => parseDuration(ce[key] ?? fallback, `costExplorer.${key}`));
  const backoffInitialMs = duration('backoffInitial', DEFAULTS.backoffInitial);
  const backoffMaxMs = duration('backoffMax', DEFAULTS.backoffMax);
  if (backoffMaxMs < backoffInitialMs) fail(file, 'costExplorer.backoffMax must not be shorter than costExplorer.backoffInitial');
  const profile = optionalString(ce.profile, 'costExplorer.profile', file);
  return {
    region,
    ...(profile !== undefined ? { profile } : {}),
    ...(endpoint !== undefined ? { endpoint } : {}),
    refreshIntervalMs: duration('refreshInterval', DEFAULTS.refreshInterval),
    forecastRefreshIntervalMs: duration('forecastRefreshInterval', DEFAULTS.forecastRefreshInterval),
    dailyRequestBudget: budget as number,
    pricePerRequestUsd: money(ce.pricePerRequestUsd ?? DEFAULTS.pricePerRequestUsd, 'costExplorer.pricePerRequestUsd', file),
    splitEc2Other: split as boolean,
    predictionIntervalLevel: level as number,
    backoffInitialMs,
    backoffMaxMs,
    requestTimeoutMs: duration('requestTimeout', DEFAULTS.requestTimeout),
  };
}

function planConfig(value: unknown, where: string, file: string): PlanConfig {
  const p = object(value, where, file);
  known(p, ['name', 'planFile', 'profile', 'users', 'region', 'match', 'budgetUsd'], `${where}.`, file);
  const name = optionalString(p.name, `${where}.name`, file);
  if (name !== undefined && !/^[\w.:/+=@-]{1,128}$/.test(name)) fail(file, `${where}.name may hold letters, digits and _ . : / + = @ - (at most 128), got ${JSON.stringify(name)}`);
  const budget = p.budgetUsd === undefined ? undefined : money(p.budgetUsd, `${where}.budgetUsd`, file);
  const match = p.match === undefined ? undefined : spendMatch(p.match, `${where}.match`, file, name);
  return { ...(name !== undefined ? { name } : {}), source: planSource(p, where, file), ...(match ? { match } : {}), ...(budget ? { budgetUsd: budget } : {}) };
}

function planSource(p: Obj, where: string, file: string): PlanSource {
  const planFile = optionalString(p.planFile, `${where}.planFile`, file);
  const modelFields = ['profile', 'users', 'region'].filter((k) => p[k] !== undefined);
  if (planFile !== undefined) {
    if (modelFields.length) fail(file, `${where} has both planFile and ${modelFields.join(', ')}; give one or the other`);
    return { kind: 'file', path: isAbsolute(planFile) ? planFile : resolve(file, '..', planFile) };
  }
  const profile = optionalString(p.profile, `${where}.profile`, file);
  if (profile === undefined) fail(file, `${where} needs planFile, or profile and users`);
  const users = typeof p.users === 'string' ? Number(p.users.replace(/[,_]/g, '')) : p.users;
  if (!Number.isInteger(users) || (users as number) < 1 || (users as number) > 10_000_000_000) fail(file, `${where}.users must be a whole number from 1 to 10,000,000,000, got ${JSON.stringify(p.users)}`);
  const region = optionalString(p.region, `${where}.region`, file) ?? 'us-east-1';
  if (!REGION.test(region)) fail(file, `${where}.region must be an AWS region code such as us-east-1, got ${JSON.stringify(region)}`);
  return { kind: 'model', profile: profile as string, users: users as number, region };
}

function spendMatch(value: unknown, where: string, file: string, planName: string | undefined): SpendMatch {
  const m = object(value, where, file);
  known(m, ['tag', 'linkedAccount', 'account'], `${where}.`, file);
  const given = Object.keys(m);
  if (given.length !== 1) fail(file, `${where} needs exactly one of tag, linkedAccount, account`);
  if (m.account !== undefined) {
    if (m.account !== true) fail(file, `${where}.account must be true (the whole account's spend)`);
    return { kind: 'account' };
  }
  if (m.linkedAccount !== undefined) {
    const id = typeof m.linkedAccount === 'number' ? String(m.linkedAccount).padStart(12, '0') : m.linkedAccount;
    if (typeof id !== 'string' || !/^\d{12}$/.test(id)) fail(file, `${where}.linkedAccount must be a 12-digit AWS account id (quote it in YAML), got ${JSON.stringify(m.linkedAccount)}`);
    return { kind: 'linkedAccount', accountId: id as string };
  }
  const tag = object(m.tag, `${where}.tag`, file);
  known(tag, ['key', 'value'], `${where}.tag.`, file);
  const key = optionalString(tag.key, `${where}.tag.key`, file) ?? PLAN_TAG_KEY;
  const tagValue = optionalString(tag.value, `${where}.tag.value`, file) ?? planName;
  // Without a value the plan's default name is used; validateConfig cannot know it yet.
  return { kind: 'tag', key, value: tagValue ?? '' };
}

function money(value: unknown, where: string, file: string): Decimal {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d+(\.\d+)?$/.test(text.trim())) fail(file, `${where} must be a non-negative amount in USD such as 0.01, got ${JSON.stringify(value)}`);
  return dec((text as string).trim());
}
