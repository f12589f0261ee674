// The shape of a Profile as data, for parseProfile. One rule per field; ranges say what makes sense.

export type Rule =
  | { readonly kind: 'string' }
  | { readonly kind: 'number'; readonly min?: number; readonly max?: number; readonly above?: number; readonly whole?: boolean }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'list'; readonly of: Rule; readonly nonEmpty?: boolean }
  | { readonly kind: 'object'; readonly fields: Fields }
  | { readonly kind: 'strings-by-key' }
  | { readonly kind: 'numbers-by-key'; readonly of: Extract<Rule, { kind: 'number' }> }
  | { readonly kind: 'assumed' };

export type Field = Rule & { readonly optional?: true };
export type Fields = Readonly<Record<string, Field>>;

const string: Rule = { kind: 'string' };
const bool: Rule = { kind: 'boolean' };
const count = (min = 0, max?: number): Rule => ({ kind: 'number', whole: true, min, ...(max !== undefined ? { max } : {}) });
const amount = (min = 0, max?: number): Rule => ({ kind: 'number', min, ...(max !== undefined ? { max } : {}) });
/** A number strictly above `above` (a size or rate that cannot be zero). */
const positive = (max?: number): Rule => ({ kind: 'number', above: 0, ...(max !== undefined ? { max } : {}) });
const oneOf = (...values: string[]): Rule => ({ kind: 'enum', values });
const list = (of: Rule, nonEmpty = false): Rule => ({ kind: 'list', of, ...(nonEmpty ? { nonEmpty } : {}) });
const object = (fields: Fields): Rule => ({ kind: 'object', fields });
const optional = (rule: Rule): Field => ({ ...rule, optional: true });

const FEATURE = oneOf('monitoring-in-cluster', 'logging-in-cluster');
const assumed = optional({ kind: 'assumed' });

const systemPod = object({
  name: string,
  cpuMillicores: amount(0, 256_000),
  memoryMiB: amount(0, 4_194_304),
  replicas: optional(count(1, 1000)),
  replicasWhenHa: optional(count(2, 1000)),
  scaling: optional(oneOf('active-series', 'index-volume', 'cluster-proportional')),
  when: optional(oneOf('monitoring-in-cluster', 'logging-in-cluster', 'cloudwatch-logs', 'alb')),
  why: optional(string),
});

export const SUPPORT_CHOICES = ['basic', 'developer', 'business', 'enterprise-on-ramp', 'enterprise'] as const;
export const INTERFACE_ENDPOINT_SERVICES = ['ecr.api', 'ecr.dkr', 'logs', 'sts', 'secretsmanager', 'monitoring', 'kms'] as const;

export const ENVIRONMENT_FIELDS: Fields = { name: string, users: optional(count(1, 10_000_000_000)), share: optional(positive(1)), ha: optional(bool) };

/** The optional parts (PartsSpec); also what a caller's override is checked against. */
export const PARTS_FIELDS: Fields = {
  cdn: optional(object({ staticKiBPerRequest: optional(amount(0, 1_048_576)), staticRequestsPerRequest: optional(amount(0, 1000)) })),
  waf: optional(object({ rules: optional(count(0, 1000)) })),
  backups: optional(object({ retentionDays: optional(count(1, 35)), dailyChangedShare: optional(amount(0, 1)), ebsSnapshots: optional(bool) })),
  environments: optional(list(object(ENVIRONMENT_FIELDS))),
  vpcEndpoints: optional(object({ interface: optional(list(oneOf(...INTERFACE_ENDPOINT_SERVICES))), s3Gateway: optional(bool) })),
  support: optional(oneOf(...SUPPORT_CHOICES)),
};

export const PROFILE_FIELDS: Fields = {
  name: string,
  title: string,
  description: string,
  seed: optional(string),
  platform: oneOf('eks', 'kubernetes-ec2', 'ecs-fargate'),
  kubernetesVersion: optional(string),
  workload: object({
    dauPerMau: assumed,
    requestsPerActiveUserPerDay: assumed,
    peakToAverage: assumed,
    egressKiBPerRequest: assumed,
    dbMiBPerUser: assumed,
    objectMiBPerUser: assumed,
    logBytesPerRequest: assumed,
    sessionSeconds: assumed,
    dailyShape: optional(
      object({ peakHours: optional(positive(24)), troughRatio: optional(amount(0, 1)), hourly: optional(list(amount())), why: optional(string) }),
    ),
  }),
  targetUtilization: optional(positive(1)),
  toleratesInterruption: optional(bool),
  services: list(
    object({
      name: string,
      cpuMillicores: optional(positive(256_000)),
      cpuUnits: optional(positive(16 * 1024)),
      memoryMiB: positive(4_194_304),
      rpsPerReplica: positive(),
      requestShare: amount(0, 10),
      minReplicas: optional(count(0, 10_000)),
      maxReplicas: optional(count(1, 10_000)),
      imageGb: optional(amount(0, 100)),
      connectionsPerReplica: optional(positive()),
      concurrentShare: optional(amount(0, 1)),
      why: optional(string),
    }),
    true,
  ),
  systemPods: optional(list(systemPod)),
  daemonSets: optional(list(systemPod)),
  features: optional(list(FEATURE)),
  nodes: optional(
    object({
      families: optional(list(string)),
      architectures: optional(list(oneOf('x86_64', 'arm64'))),
      allowBurstable: optional(bool),
      allowPreviousGeneration: optional(bool),
      throughputFactors: optional({ kind: 'numbers-by-key', of: { kind: 'number', above: 0, max: 10 } }),
      maxVcpu: optional(count(1, 1024)),
      rootVolumeGb: optional(positive(16_384)),
      maxPodsPolicy: optional(oneOf('managed-node-group', 'eni')),
      fixed: optional(object({ instanceType: string, count: count(1, 10_000) })),
    }),
  ),
  fargate: optional(object({ arch: optional(oneOf('x86_64', 'arm64')), spot: optional(bool) })),
  ha: object({ fromUsers: count(0), azs: count(1, 6) }),
  network: object({ loadBalancer: oneOf('alb', 'none'), nat: oneOf('none', 'one', 'per-az-when-ha') }),
  rds: optional(
    object({
      engine: oneOf('postgresql', 'mysql'),
      memoryGiBBase: positive(),
      memoryGiBPerMillionUsers: amount(),
      classFamilies: list(string, true),
      readReplicas: optional(list(object({ fromUsers: count(0), replicas: count(0, 15) }))),
      minStorageGb: positive(65_536),
      queriesPerRequest: optional(amount(0, 1000)),
      readShare: optional(amount(0, 1)),
      cpuMsPerQuery: optional(positive(10_000)),
      targetCpuUtilization: optional(positive(1)),
      connectionPoolPerReplica: optional(count(1, 10_000)),
      connectingServices: optional(list(string, true)),
    }),
  ),
  cache: optional(
    object({
      engine: oneOf('redis', 'valkey'),
      fromUsers: count(0),
      kibPerActiveUser: amount(),
      nodeFamilies: list(string, true),
      opsPerRequest: optional(amount(0, 1000)),
      bytesPerOp: optional(positive(512 * 1024 * 1024)),
    }),
  ),
  kafka: optional(
    object({
      fromUsers: count(0),
      brokerFamilies: list(string, true),
      bytesPerRequest: amount(),
      retentionHours: positive(),
      replicationFactor: count(1, 10),
      consumerGroups: optional(count(0, 1000)),
      partitions: optional(count(1, 1_000_000)),
    }),
  ),
  storage: object({
    ecrRetainedImages: count(0),
    prometheus: optional(
      object({ retentionDays: positive(), seriesPerNode: amount(), seriesPerPod: amount(), scrapeIntervalSeconds: positive(), bytesPerSample: positive() }),
    ),
    s3Lifecycle: object({ toStandardIaDays: amount(), toGlacierIrDays: amount() }),
    logs: object({ sink: oneOf('cloudwatch', 'in-cluster'), retentionDays: positive() }),
  }),
  ci: object({
    provider: oneOf('github-actions', 'jenkins'),
    developers: count(0),
    pushesPerDeveloperPerDay: amount(),
    workingDaysPerMonth: amount(0, 31),
    jobs: list(object({ name: string, minutes: positive(), matrix: optional(count(1, 256)), runner: optional(string) })),
    plan: optional(oneOf('free_user', 'pro', 'free_org', 'team', 'enterprise_cloud')),
    repository: optional(oneOf('private', 'public')),
    jenkins: optional(object({ controllerType: string, agentType: string, executorsPerAgent: count(1, 64) })),
  }),
  secrets: optional(count(0)),
  parts: optional(object(PARTS_FIELDS)),
  why: optional({ kind: 'strings-by-key' }),
};
