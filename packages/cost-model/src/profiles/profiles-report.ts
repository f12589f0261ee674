// docs/profiles.md, rendered from the built-in profile data so the page and the data never disagree.
import { listScenarios } from '../scenarios/index.js';
import { profiles } from './index.js';
import { PLAN_DEFAULTS } from '../plan/plan-assumptions.js';
import { DEFAULT_INTERFACE_ENDPOINTS } from '../plan/optional-parts.js';
import type { Assumed, DailyShape, Profile, SystemPod } from './profile-types.js';
import { INTERFACE_ENDPOINT_SERVICES, SUPPORT_CHOICES } from './profile-schema.js';

const row = (cells: readonly (string | number)[]): string => `| ${cells.map((c) => String(c).replaceAll('|', '\\|')).join(' | ')} |`;
const table = (head: readonly string[], body: readonly (readonly (string | number)[])[]): string[] => [row(head), row(head.map(() => '---')), ...body.map(row)];

function valueAt(p: Profile, path: string): string {
  let node: unknown = p;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (Array.isArray(node)) return node.map((x) => (typeof x === 'object' ? Object.values(x as object).join(' ') : String(x))).join('; ');
  if (typeof node === 'object' && node !== null) return Object.entries(node).map(([k, v]) => `${k} ${String(v)}`).join(', ');
  return String(node);
}

/** "1", or "1 (3 when HA)" for an HA add-on. */
function replicasCell(s: SystemPod): string | number {
  const base = s.replicas ?? 1;
  return s.replicasWhenHa !== undefined ? `${base} (${s.replicasWhenHa} when HA)` : base;
}

function pods(title: string, list: readonly SystemPod[] | undefined, perNode: boolean): string[] {
  if (!list?.length) return [];
  return [
    `**${title}**`,
    '',
    ...table(['Pod', 'CPU (m)', 'Memory (MiB)', perNode ? 'Runs' : 'Replicas', 'Sized by', 'Only with', 'Source'], list.map((s) => [s.name, s.cpuMillicores, s.memoryMiB, perNode ? 'one per node' : replicasCell(s), s.scaling ?? '', s.when ?? '', s.why ?? ''])),
    '',
  ];
}

function assumed(a: Assumed): [string, string, string] {
  if (typeof a === 'number') return [String(a), '', ''];
  return [String(a.value), a.min !== undefined || a.max !== undefined ? `${a.min ?? a.value} to ${a.max ?? a.value}` : '', a.why ?? a.source ?? ''];
}

function shapeRow(d: DailyShape): [string, string, string] {
  const value = d.hourly ? `hourly ${d.hourly.join(', ')}` : `${d.peakHours} h at the peak${d.troughRatio !== undefined ? `, the rest at ${d.troughRatio} of it` : ''}`;
  return [value, '', d.why ?? ''];
}

function section(p: Profile): string[] {
  const out = [`## ${p.name}: ${p.title}`, '', `Seed: \`${p.seed ?? 'none'}\`. Platform: \`${p.platform}\`.${p.features?.length ? ` Features on: ${p.features.map((f) => `\`${f}\``).join(', ')}.` : ''}`, '', p.description, ''];
  out.push('**Services**', '', ...table(['Service', 'CPU', 'Memory (MiB)', 'Requests/s per replica', 'Share of requests', 'Connections per replica (share of concurrent users)', 'Replicas', 'Image (GB)', 'Why'], p.services.map((s) => [s.name, s.cpuUnits !== undefined ? `${s.cpuUnits} units` : `${s.cpuMillicores}m`, s.memoryMiB, s.rpsPerReplica, s.requestShare, s.connectionsPerReplica !== undefined ? `${s.connectionsPerReplica} (${s.concurrentShare ?? 1})` : '', `${s.minReplicas ?? '-'} to ${s.maxReplicas ?? '-'}`, s.imageGb ?? '', s.why ?? ''])), '');
  out.push(...pods('Cluster add-ons', p.systemPods, false), ...pods('DaemonSets', p.daemonSets, true));
  const workload = Object.entries(p.workload) as [string, Assumed | DailyShape][];
  if (workload.length) out.push('**Workload assumptions** (the rest use tier-planner\'s defaults)', '', ...table(['Assumption', 'Value', 'Range', 'Why'], workload.map(([k, a]) => [k, ...(k === 'dailyShape' ? shapeRow(a as DailyShape) : assumed(a as Assumed))])), '');
  const why = Object.entries(p.why ?? {});
  if (why.length) out.push('**Other figures**', '', ...table(['Field', 'Value', 'Why'], why.map(([k, w]) => [k, valueAt(p, k), w])), '');
  return out;
}

const d = (key: keyof typeof PLAN_DEFAULTS) => `${PLAN_DEFAULTS[key].value} (${PLAN_DEFAULTS[key].why})`;

/** The optional `parts` of a profile: what each adds, its fields and their defaults. */
function partsSection(): string[] {
  return [
    '## Optional parts (`parts`)',
    '',
    'Parts a production setup usually adds. Each is off unless the profile (or the caller: `PlanOptions.parts`,',
    'the CLI flags in [cli.md](cli.md)) names it; every part is priced from the price book, and a price the book',
    'lacks is an unpriced line with its reason, never $0 ([methodology](methodology.md#optional-parts-cdn-waf-backups-environments-endpoints-support)).',
    '',
    ...table(['Field', 'Meaning', 'Default'], [
      ['`parts.cdn`', 'CloudFront in front of the load balancer: it carries the API egress and static assets; the origin\'s bytes to CloudFront are free', 'off'],
      ['`parts.cdn.staticKiBPerRequest`', 'static bytes CloudFront serves per API request, KiB', d('cdnStaticKiBPerRequest')],
      ['`parts.cdn.staticRequestsPerRequest`', 'static-asset requests per API request', d('cdnStaticRequestsPerRequest')],
      ['`parts.waf`', 'an AWS WAF web ACL on CloudFront (with the CDN) or the ALB', 'off'],
      ['`parts.waf.rules`', 'rules and rule groups in the web ACL', d('wafRules')],
      ['`parts.backups`', 'RDS automated backups and daily EBS snapshots of persistent volumes', 'off'],
      ['`parts.backups.retentionDays`', 'days kept, 1 to 35', d('backupRetentionDays')],
      ['`parts.backups.dailyChangedShare`', 'share of the data that changes a day', d('backupDailyChangedShare')],
      ['`parts.backups.ebsSnapshots`', 'snapshot persistent volumes too', 'true'],
      ['`parts.environments`', 'other environments: `[{ "name": "staging", "share": 0.1 }]` or `{ "name": "qa", "users": 500, "ha": true }`; each is its own plan (single AZ unless `ha`), summed beside the total', 'none'],
      ['`parts.vpcEndpoints`', 'an S3 gateway endpoint and interface endpoints for AWS traffic that otherwise crosses NAT', 'off'],
      ['`parts.vpcEndpoints.interface`', `interface endpoints, from ${INTERFACE_ENDPOINT_SERVICES.map((x) => `\`${x}\``).join(', ')}`, DEFAULT_INTERFACE_ENDPOINTS.map((x) => `\`${x}\``).join(', ')],
      ['`parts.vpcEndpoints.s3Gateway`', 'the free S3 gateway endpoint', 'true'],
      ['`parts.support`', `AWS Support plan: ${SUPPORT_CHOICES.map((x) => `\`${x}\``).join(', ')}; a share of the whole account\'s AWS charges (all environments)`, '`basic` (none)'],
    ]),
    '',
  ];
}

export function profilesReport(): string {
  const list = Object.values(profiles);
  return [
    '# Built-in profiles',
    '',
    '<!-- Generated by profilesReport() in packages/cost-model/src/profiles/profiles-report.ts; a test fails when it is out of date. -->',
    '',
    'A profile describes one architecture: what runs, how it scales, and the workload behind it. The built-ins live',
    'in `packages/cost-model/src/profiles/data/`, one JSON file per seed architecture, and are checked by',
    '`parseProfile` when loaded; `--profile-file my.json` goes through the same checks.',
    '',
    'Every number says where it comes from. Pod requests for cluster add-ons and DaemonSets copy the upstream',
    'default (chart values or manifests, named in the Source column) where one exists; where upstream sets none,',
    'the figure is marked "tier-planner assumption". Service sizes, workload figures and team sizes are tier-planner',
    'assumptions unless the seed states them: change them to your own product\'s measurements.',
    '',
    'Service CPU is written in the platform\'s own unit, as its manifests write it: `cpuUnits` on `ecs-fargate` (ECS CPU',
    'units, 1 vCPU = 1024, the task definition\'s `cpu`), `cpuMillicores` on `eks` and `kubernetes-ec2` (1 vCPU = 1000m, a',
    'pod\'s CPU request). The other unit on a platform is refused with the conversion in the error, so 512 ECS units',
    'can never be read as 512m. A connection-bound service (websockets, streams) adds `connectionsPerReplica`, the open',
    'connections one replica holds at 100% of its capacity, and `concurrentShare` (0 to 1, default 1), the share of peak',
    'concurrent users connected to it; its replicas are then the larger of the request bound and the connection bound.',
    '',
    'An add-on\'s requests are its base: `scaling` names the rule that grows them with the cluster (`active-series`:',
    'Prometheus by series; `index-volume`: Elasticsearch by index volume and ingest; `cluster-proportional`: CoreDNS by',
    'nodes and cores), `replicasWhenHa` the replicas an HA plan runs, and `when` the condition it runs under (a feature,',
    '`cloudwatch-logs` when logs go to CloudWatch, `alb` with an ALB). docs/methodology.md, "Cluster add-ons sized by',
    'their drivers", gives every rule and its source.',
    '',
    'Node choice (`nodes`): `families`, `architectures`, `allowBurstable`, `maxVcpu`, `rootVolumeGb`, `maxPodsPolicy` and',
    '`fixed` narrow or pin the EC2 types. Families AWS calls previous generation (a1, t2, m3 …) are left out unless',
    '`allowPreviousGeneration: true` or `families` names them. `throughputFactors` (family → factor above 0, at most 10,',
    'e.g. `{ "m7i": 1.15 }`) says how many more requests one vCPU of a family serves than the vCPU `rpsPerReplica` was',
    'measured on; it scales that family\'s CPU room. Default: none, i.e. equal throughput per vCPU across families',
    '(a tier-planner assumption the plan reports). See docs/methodology.md, "Choosing the instance type".',
    '',
    'The workload may give `dailyShape`, how demand moves over the day (replicas, nodes and Fargate tasks scale',
    'down off-peak and are billed for their hours): `{ "peakHours": 4 }` (4 h at the peak; the trough follows from',
    '`peakToAverage`), `{ "peakHours": 4, "troughRatio": 0.3 }`, or `{ "hourly": [24 values] }` (any scale). The last',
    'two fix peak ÷ mean, so `peakToAverage` is taken from them: a `peakToAverage` that differs by more than 0.1%, or',
    'has a range, is an error. Without `dailyShape`, tier-planner assumes the busiest 2 h at the peak',
    '(docs/methodology.md, "Load over the day: floor and burst").',
    '',
    '`toleratesInterruption: true` says the services survive losing an instance at short notice (stateless, retried):',
    'with `--commit floor` the burst above the committed floor then runs on Spot instead of on-demand. Default false',
    '(docs/methodology.md, "Purchase options and commitments").',
    '',
    ...table(['Profile', 'Seed', 'Platform', 'Title'], list.map((p) => [`\`${p.name}\``, p.seed ?? '', p.platform, p.title])),
    '',
    ...partsSection(),
    ...list.flatMap(section),
    ...scenariosSection(),
  ].join('\n');
}

function scenariosSection(): string[] {
  return [
    '## Scenarios',
    '',
    'A scenario is a load target from a seed, planned with a built-in profile: `tier-planner --scenario NAME`',
    '(`tier-planner scenarios` lists them). Each target becomes the users that give it under the profile\'s workload',
    'assumptions; the plan is for the larger count, which meets both, and names the target that binds',
    '(docs/methodology.md, "Scenarios"). Scenarios live in `packages/cost-model/src/scenarios/data/`, one JSON file each.',
    '',
    ...table(['Scenario', 'Profile', 'Peak req/s', 'Concurrent users', 'Source'], listScenarios().map((s) => [`\`${s.name}\``, `\`${s.profile}\``, s.peakRps ?? '', s.concurrentUsers ?? '', s.source])),
    '',
  ];
}
