import { dailyShapeProblems } from '../workload/daily-shape.js';
import type { Profile } from './profile-types.js';
import { PROFILE_FIELDS, type Fields, type Rule } from './profile-schema.js';
import { serviceCpuProblem } from './service-cpu.js';

/** A profile that does not validate; `problems` lists every one, path first. */
export class ProfileError extends Error {
  override readonly name = 'ProfileError';
  constructor(
    readonly origin: string,
    readonly problems: readonly string[],
  ) {
    super(`invalid profile ${origin}: ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.join('; ')}`);
  }
}

/**
 * Checks an untrusted value (e.g. the JSON of `--profile-file my.json`) against the Profile shape.
 * Every unknown field, wrong type and out-of-range value is reported at once in one ProfileError.
 */
export function parseProfile(value: unknown, origin: string): Profile {
  const problems: string[] = [];
  checkObject(value, PROFILE_FIELDS, '$', problems);
  if (problems.length === 0) problems.push(...crossChecks(value as Profile));
  if (problems.length) throw new ProfileError(origin, problems);
  return value as Profile;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : JSON.stringify(v) ?? String(v));

function checkObject(value: unknown, fields: Fields, at: string, problems: string[]): void {
  if (!isObject(value)) return void problems.push(`${at}: must be an object, got ${show(value)}`);
  for (const key of Object.keys(value)) {
    if (!(key in fields)) problems.push(`${at}.${key}: unknown field (known: ${Object.keys(fields).join(', ')})`);
  }
  for (const [key, field] of Object.entries(fields)) {
    const v = value[key];
    if (v === undefined) {
      if (!field.optional) problems.push(`${at}.${key}: required`);
    } else check(v, field, `${at}.${key}`, problems);
  }
}

function check(v: unknown, rule: Rule, at: string, problems: string[]): void {
  switch (rule.kind) {
    case 'string':
      if (typeof v !== 'string' || v.trim() === '') problems.push(`${at}: must be a non-empty string, got ${show(v)}`);
      return;
    case 'boolean':
      if (typeof v !== 'boolean') problems.push(`${at}: must be true or false, got ${show(v)}`);
      return;
    case 'enum':
      if (!rule.values.includes(v as string)) problems.push(`${at}: must be one of ${rule.values.join(', ')}, got ${show(v)}`);
      return;
    case 'number': {
      const problem = numberProblem(v, rule);
      if (problem) problems.push(`${at}: ${problem}`);
      return;
    }
    case 'list':
      if (!Array.isArray(v)) return void problems.push(`${at}: must be a list, got ${show(v)}`);
      if (rule.nonEmpty && v.length === 0) problems.push(`${at}: must not be empty`);
      v.forEach((item, i) => check(item, rule.of, `${at}[${i}]`, problems));
      return;
    case 'object':
      return checkObject(v, rule.fields, at, problems);
    case 'strings-by-key':
      if (!isObject(v)) return void problems.push(`${at}: must be an object of strings, got ${show(v)}`);
      for (const [k, s] of Object.entries(v)) if (typeof s !== 'string' || s.trim() === '') problems.push(`${at}.${k}: must be a non-empty string`);
      return;
    case 'numbers-by-key':
      if (!isObject(v)) return void problems.push(`${at}: must be an object of numbers, got ${show(v)}`);
      for (const [k, n] of Object.entries(v)) check(n, rule.of, `${at}.${k}`, problems);
      return;
    case 'assumed':
      return checkAssumed(v, at, problems);
  }
}

function numberProblem(v: unknown, rule: Extract<Rule, { kind: 'number' }>): string | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v)) return `must be a finite number, got ${show(v)}`;
  if (rule.whole && !Number.isInteger(v)) return `must be a whole number, got ${v}`;
  const low = rule.above !== undefined ? v > rule.above : v >= (rule.min ?? -Infinity);
  if (low && (rule.max === undefined || v <= rule.max)) return undefined;
  const from = rule.above !== undefined ? `above ${rule.above}` : `at least ${rule.min}`;
  return `must be ${from}${rule.max !== undefined ? ` and at most ${rule.max}` : ''}, got ${v}`;
}

const NON_NEGATIVE = { kind: 'number', min: 0 } as const;

/** An Assumed: a number >= 0, or { value, min?, max?, why?, source? } with min <= value <= max. */
function checkAssumed(v: unknown, at: string, problems: string[]): void {
  if (typeof v === 'number') return check(v, NON_NEGATIVE, at, problems);
  if (!isObject(v)) return void problems.push(`${at}: must be a number or { value, min?, max?, why?, source? }, got ${show(v)}`);
  const before = problems.length;
  checkObject(v, { value: NON_NEGATIVE, min: { ...NON_NEGATIVE, optional: true }, max: { ...NON_NEGATIVE, optional: true }, why: { kind: 'string', optional: true }, source: { kind: 'string', optional: true } }, at, problems);
  if (problems.length > before) return;
  const { value, min, max } = v as { value: number; min?: number; max?: number };
  if (min !== undefined && min > value) problems.push(`${at}.min: ${min} is above the value ${value}`);
  if (max !== undefined && max < value) problems.push(`${at}.max: ${max} is below the value ${value}`);
}

/** Rules that span fields; run only once the shape is right. */
function crossChecks(p: Profile): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  p.services.forEach((s, i) => {
    if (seen.has(s.name)) problems.push(`$.services[${i}].name: duplicate service name ${show(s.name)}`);
    seen.add(s.name);
    const cpu = serviceCpuProblem(p.platform, s);
    if (cpu) problems.push(`$.services[${i}].${cpu}`);
    if (s.concurrentShare !== undefined && s.connectionsPerReplica === undefined) {
      problems.push(`$.services[${i}].concurrentShare: only with connectionsPerReplica (the open connections one replica holds)`);
    }
    if (s.minReplicas !== undefined && s.maxReplicas !== undefined && s.minReplicas > s.maxReplicas) {
      problems.push(`$.services[${i}]: minReplicas ${s.minReplicas} is above maxReplicas ${s.maxReplicas}`);
    }
  });
  p.rds?.connectingServices?.forEach((name, i) => {
    if (!seen.has(name)) problems.push(`$.rds.connectingServices[${i}]: names no service of this profile (${show(name)})`);
  });
  const shape = p.workload.dailyShape;
  if (shape) {
    const peak = p.workload.peakToAverage;
    problems.push(...dailyShapeProblems(shape, typeof peak === 'number' ? { value: peak } : peak, '$.workload.dailyShape'));
  }
  if (p.platform === 'ecs-fargate' && (p.nodes || p.systemPods?.length || p.daemonSets?.length)) {
    problems.push('$.platform: ecs-fargate runs tasks, not nodes: remove nodes, systemPods and daemonSets');
  }
  if (p.kubernetesVersion !== undefined && p.platform !== 'eks') problems.push(`$.kubernetesVersion: only for platform eks, not ${p.platform}`);
  else if (p.kubernetesVersion !== undefined && !/^1\.\d{1,3}$/.test(p.kubernetesVersion)) problems.push(`$.kubernetesVersion: a minor version such as "1.34", got ${show(p.kubernetesVersion)}`);
  if (p.platform !== 'ecs-fargate' && p.fargate) problems.push(`$.fargate: only for platform ecs-fargate, not ${p.platform}`);
  if (p.ci.provider === 'jenkins' && !p.ci.jenkins) problems.push('$.ci.jenkins: required when the provider is jenkins (controllerType, agentType, executorsPerAgent)');
  if (p.storage.logs.sink === 'in-cluster' && !p.features?.includes('logging-in-cluster')) {
    problems.push('$.storage.logs.sink: "in-cluster" needs the feature logging-in-cluster');
  }
  if (p.features?.includes('monitoring-in-cluster') && !p.storage.prometheus) {
    problems.push('$.storage.prometheus: required with the feature monitoring-in-cluster');
  }
  problems.push(...partsProblems(p.parts, '$.parts'));
  problems.push(...scalingChecks(p));
  for (const key of Object.keys(p.why ?? {})) {
    if (!hasPath(p, key)) problems.push(`$.why.${key}: names no field of this profile`);
  }
  return problems;
}

/** Rules between the parts' fields: each environment gives users or a share (not both), names are unique. */
export function partsProblems(parts: Profile['parts'], at: string): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  (parts?.environments ?? []).forEach((e, i) => {
    if ((e.users === undefined) === (e.share === undefined)) problems.push(`${at}.environments[${i}]: give either users or share, not ${e.users === undefined ? 'neither' : 'both'}`);
    if (names.has(e.name)) problems.push(`${at}.environments[${i}].name: duplicate environment name ${show(e.name)}`);
    if (e.name === 'production') problems.push(`${at}.environments[${i}].name: "production" is the plan itself; name the other environment`);
    names.add(e.name);
  });
  return problems;
}

/** A sizing rule needs its drivers: series settings, an in-cluster log sink, a Deployment not a DaemonSet. */
function scalingChecks(p: Profile): string[] {
  const problems: string[] = [];
  (p.daemonSets ?? []).forEach((d, i) => {
    if (d.scaling !== undefined || d.replicasWhenHa !== undefined) problems.push(`$.daemonSets[${i}]: a DaemonSet runs one pod per node: remove scaling and replicasWhenHa`);
  });
  (p.systemPods ?? []).forEach((s, i) => {
    if (s.scaling === 'active-series' && !p.storage.prometheus) problems.push(`$.systemPods[${i}].scaling: "active-series" needs storage.prometheus (series per node and per pod)`);
    if (s.scaling === 'index-volume' && p.storage.logs.sink !== 'in-cluster') problems.push(`$.systemPods[${i}].scaling: "index-volume" needs storage.logs.sink "in-cluster"`);
    if (s.replicasWhenHa !== undefined && s.replicas !== undefined && s.replicasWhenHa < s.replicas) {
      problems.push(`$.systemPods[${i}]: replicasWhenHa ${s.replicasWhenHa} is below replicas ${s.replicas}`);
    }
  });
  return problems;
}

/** True when "a.b[0].c" leads to a value in the profile. */
function hasPath(root: unknown, path: string): boolean {
  let node: unknown = root;
  for (const part of path.split(/\.|(?=\[)/)) {
    const index = /^\[(\d+)\]$/.exec(part);
    if (index) node = Array.isArray(node) ? node[Number(index[1])] : undefined;
    else node = isObject(node) && part !== 'why' ? node[part] : undefined;
    if (node === undefined) return false;
  }
  return true;
}
