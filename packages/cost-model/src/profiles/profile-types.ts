// A profile describes one architecture: what runs, how it scales, and the workload assumptions
// behind it. Profiles are data (JSON in src/profiles/data/), validated by parseProfile.

/**
 * An assumed number. A plain number is a point value; an object may add a range for the
 * uncertainty samples (triangular: min, value as the mode, max) and says why it is what it is.
 */
export type Assumed = number | { readonly value: number; readonly min?: number; readonly max?: number; readonly why?: string; readonly source?: string };

export interface WorkloadAssumptions {
  /** Daily active users / monthly active users. */
  readonly dauPerMau?: Assumed;
  readonly requestsPerActiveUserPerDay?: Assumed;
  /** Peak-hour request rate / average rate. */
  readonly peakToAverage?: Assumed;
  /** Response bytes sent to the internet per request, KiB. */
  readonly egressKiBPerRequest?: Assumed;
  /** Durable data per user (database rows), MiB. */
  readonly dbMiBPerUser?: Assumed;
  /** User-uploaded objects and assets per user in S3, MiB. */
  readonly objectMiBPerUser?: Assumed;
  /** Application log bytes per request, written once. */
  readonly logBytesPerRequest?: Assumed;
  /** Average session length, seconds (peak concurrent users by Little's law). */
  readonly sessionSeconds?: Assumed;
  /** How demand moves over the day (replicas, nodes and Fargate tasks follow it); default: see DEFAULT_PEAK_HOURS. */
  readonly dailyShape?: DailyShape;
}

/**
 * The day's demand curve, relative to the peak. Either `peakHours` at the peak and the rest of the
 * day at `troughRatio` × peak (without troughRatio, the trough is whatever makes peak ÷ mean equal
 * peakToAverage), or `hourly`: 24 relative levels, any scale. A shape that fixes both the peak and
 * the trough fixes peakToAverage too.
 */
export interface DailyShape {
  readonly peakHours?: number;
  readonly troughRatio?: number;
  readonly hourly?: readonly number[];
  readonly why?: string;
}

/** One deployable service (a Deployment on Kubernetes, a service on ECS). */
export interface ServiceSpec {
  readonly name: string;
  /** Kubernetes (eks, kubernetes-ec2) only: CPU request per replica, millicores (1 vCPU = 1000). */
  readonly cpuMillicores?: number;
  /** ECS (ecs-fargate) only: CPU per task in ECS CPU units (1 vCPU = 1024), as a task definition writes it. */
  readonly cpuUnits?: number;
  /** Memory request per replica, MiB. */
  readonly memoryMiB: number;
  /** Requests per second one replica serves at 100% of its CPU request. */
  readonly rpsPerReplica: number;
  /** Share of all requests this service handles (0..1; fan-out may make the sum exceed 1). */
  readonly requestShare: number;
  readonly minReplicas?: number;
  readonly maxReplicas?: number;
  /** Container image size, GB (ECR storage). */
  readonly imageGb?: number;
  /**
   * Connection-bound services (websockets, streaming): open connections one replica holds at
   * 100% of its capacity. With `concurrentShare`, replicas also cover the peak connections.
   */
  readonly connectionsPerReplica?: number;
  /** Share of peak concurrent users holding a connection to this service (0..1; default 1 with connectionsPerReplica). */
  readonly concurrentShare?: number;
  /** Where the figures above come from (assumption or measurement). */
  readonly why?: string;
}

export type Feature = 'monitoring-in-cluster' | 'logging-in-cluster';
export type AddOnCondition = Feature | 'cloudwatch-logs' | 'alb';
export type AddOnScaling = 'active-series' | 'index-volume' | 'cluster-proportional';

/** Pods that run regardless of load: cluster add-ons (Deployments) and DaemonSets. */
export interface SystemPod {
  readonly name: string;
  readonly cpuMillicores: number;
  readonly memoryMiB: number;
  /** Replicas for a Deployment add-on; DaemonSets run one per node. */
  readonly replicas?: number;
  /** An HA add-on: replicas once the plan runs HA (e.g. 2 for a controller with leader election). */
  readonly replicasWhenHa?: number;
  /**
   * A rule that grows the base requests with the cluster (capacity/add-on-sizing.ts): Prometheus
   * by active series, Elasticsearch by index volume, CoreDNS proportional to nodes and cores.
   */
  readonly scaling?: AddOnScaling;
  /**
   * Only when the profile runs its monitoring or logging in the cluster (a feature flag), sends its
   * logs to CloudWatch (`cloudwatch-logs`, storage.logs.sink) or has an ALB (`alb`, network.loadBalancer).
   */
  readonly when?: AddOnCondition;
  /** Where the requests come from: the upstream default it copies, or "tier-planner assumption". */
  readonly why?: string;
}

export interface NodeConstraints {
  /** Instance families allowed (e.g. "t3", "m6i"); empty or absent: any family. */
  readonly families?: readonly string[];
  readonly architectures?: readonly ('x86_64' | 'arm64')[];
  readonly allowBurstable?: boolean;
  /** Allow families AWS calls previous generation (a1, t2, m3 …); default no, unless `families` names them. */
  readonly allowPreviousGeneration?: boolean;
  /**
   * Requests one vCPU of a family serves against the reference the services' rpsPerReplica was
   * measured on (family → factor, e.g. { "m7i": 1.15 }); default 1 for every family (an assumption).
   */
  readonly throughputFactors?: Readonly<Record<string, number>>;
  /** Largest size to consider, in vCPUs (keeps failure domains small). */
  readonly maxVcpu?: number;
  readonly rootVolumeGb?: number;
  /** "managed-node-group" caps max pods at 110 (< 30 vCPUs) or 250; "eni" uses the ENI limit alone. */
  readonly maxPodsPolicy?: 'managed-node-group' | 'eni';
  /** A fixed node group instead of a chosen one (e.g. a self-managed 3 × t3.medium cluster). */
  readonly fixed?: { readonly instanceType: string; readonly count: number };
}

export interface HaPolicy {
  /** From this many users on, run HA: min 2 replicas, nodes over `azs` AZs, N+1 nodes, Multi-AZ data. */
  readonly fromUsers: number;
  readonly azs: number;
}

export interface RdsSpec {
  readonly engine: 'postgresql' | 'mysql';
  /** Cheapest class with at least this memory is chosen: base + per million users. */
  readonly memoryGiBBase: number;
  readonly memoryGiBPerMillionUsers: number;
  /** Classes allowed, by prefix (e.g. "db.t4g", "db.m7g"). */
  readonly classFamilies: readonly string[];
  /** Read replicas from a number of users on: [{ fromUsers, replicas }]. */
  readonly readReplicas?: readonly { readonly fromUsers: number; readonly replicas: number }[];
  readonly minStorageGb: number;
  /** Load drivers; each defaults to a tier-planner assumption (RDS_DEFAULTS) reported in the plan. */
  readonly queriesPerRequest?: number;
  /** Share of those queries that are reads (0..1). */
  readonly readShare?: number;
  readonly cpuMsPerQuery?: number;
  /** CPU utilisation the writer may reach at the peak (0..1]. */
  readonly targetCpuUtilization?: number;
  /** Database connections each application replica's pool holds open. */
  readonly connectionPoolPerReplica?: number;
  /** Services whose replicas open a pool to the database (default: every service). */
  readonly connectingServices?: readonly string[];
}

export interface CacheSpec {
  readonly engine: 'redis' | 'valkey';
  readonly fromUsers: number;
  /** Hot data kept per daily active user, KiB. */
  readonly kibPerActiveUser: number;
  readonly nodeFamilies: readonly string[];
  /** Cache commands per API request at peak; default 2. */
  readonly opsPerRequest?: number;
  /** Bytes on the wire per command (request + reply); default 1,024. */
  readonly bytesPerOp?: number;
}

export interface KafkaSpec {
  readonly fromUsers: number;
  readonly brokerFamilies: readonly string[];
  /** Kafka bytes per request (events produced). */
  readonly bytesPerRequest: number;
  readonly retentionHours: number;
  readonly replicationFactor: number;
  /** Consumer groups that each read every event (fan-out); default 1. */
  readonly consumerGroups?: number;
  /** Partitions over all topics, leaders only (the replication factor adds the followers); default 50. */
  readonly partitions?: number;
}

export interface CiSpec {
  readonly provider: 'github-actions' | 'jenkins';
  readonly developers: number;
  readonly pushesPerDeveloperPerDay: number;
  readonly workingDaysPerMonth: number;
  /** Jobs per pipeline run; each job's minutes round up. */
  readonly jobs: readonly { readonly name: string; readonly minutes: number; readonly matrix?: number; readonly runner?: string }[];
  /** GitHub plan for included minutes (github-actions). */
  readonly plan?: 'free_user' | 'pro' | 'free_org' | 'team' | 'enterprise_cloud';
  readonly repository?: 'private' | 'public';
  /** Jenkins: the controller instance and the agents' instance type. */
  readonly jenkins?: { readonly controllerType: string; readonly agentType: string; readonly executorsPerAgent: number };
}

/** A smaller copy of the plan for another environment (staging, QA): its own users, single-AZ unless said. */
export interface EnvironmentSpec {
  readonly name: string;
  /** Users the environment serves; or `share` of the production users (rounded, at least 1). */
  readonly users?: number;
  readonly share?: number;
  /** HA for this environment; default off. */
  readonly ha?: boolean;
}

export type SupportPlanChoice = 'basic' | 'developer' | 'business' | 'enterprise-on-ramp' | 'enterprise';

/** AWS services reached through interface VPC endpoints instead of NAT. */
export type InterfaceEndpointService = 'ecr.api' | 'ecr.dkr' | 'logs' | 'sts' | 'secretsmanager' | 'monitoring' | 'kms';

/**
 * Parts a production setup usually adds, each off unless given (docs/profiles.md, "parts").
 * Every part is priced from the book; a price the book lacks shows as an unpriced line.
 */
export interface PartsSpec {
  /** CloudFront in front of the load balancer: serves static assets and the API; the origin's bytes to CloudFront are free. */
  readonly cdn?: { readonly staticKiBPerRequest?: number; readonly staticRequestsPerRequest?: number };
  /** An AWS WAF web ACL on the entry point (CloudFront with the CDN, else the ALB). */
  readonly waf?: { readonly rules?: number };
  /** RDS automated backups kept `retentionDays`, and daily EBS snapshots of persistent volumes kept as long. */
  readonly backups?: { readonly retentionDays?: number; readonly dailyChangedShare?: number; readonly ebsSnapshots?: boolean };
  readonly environments?: readonly EnvironmentSpec[];
  /** An S3 gateway endpoint (free) and interface endpoints: traffic to AWS services that otherwise crosses NAT. */
  readonly vpcEndpoints?: { readonly interface?: readonly InterfaceEndpointService[]; readonly s3Gateway?: boolean };
  readonly support?: SupportPlanChoice;
}

export interface Profile {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** The roadmap it was built from. */
  readonly seed?: string;
  /** eks: managed control plane; kubernetes-ec2: self-managed (no control-plane fee); ecs-fargate: tasks, no nodes. */
  readonly platform: 'eks' | 'kubernetes-ec2' | 'ecs-fargate';
  /** EKS only: the Kubernetes version ("1.34"); default the newest EKS released by the plan's date. */
  readonly kubernetesVersion?: string;
  readonly workload: WorkloadAssumptions;
  /** CPU utilisation the HPA (or ECS target tracking) keeps replicas at. */
  readonly targetUtilization?: number;
  /**
   * The services survive losing an instance at two minutes' notice (stateless, retried): under
   * `commit: 'floor'` the burst above the committed floor may run on Spot. Default false.
   */
  readonly toleratesInterruption?: boolean;
  readonly services: readonly ServiceSpec[];
  readonly systemPods?: readonly SystemPod[];
  readonly daemonSets?: readonly SystemPod[];
  readonly features?: readonly Feature[];
  readonly nodes?: NodeConstraints;
  readonly fargate?: { readonly arch?: 'x86_64' | 'arm64'; readonly spot?: boolean };
  readonly ha: HaPolicy;
  readonly network: {
    readonly loadBalancer: 'alb' | 'none';
    /** NAT gateways: none, one, or one per AZ once HA. */
    readonly nat: 'none' | 'one' | 'per-az-when-ha';
  };
  readonly rds?: RdsSpec;
  readonly cache?: CacheSpec;
  readonly kafka?: KafkaSpec;
  readonly storage: {
    /** Images kept per service repository by the ECR lifecycle policy. */
    readonly ecrRetainedImages: number;
    /** Prometheus in the cluster: retention and series per node/pod. */
    readonly prometheus?: { readonly retentionDays: number; readonly seriesPerNode: number; readonly seriesPerPod: number; readonly scrapeIntervalSeconds: number; readonly bytesPerSample: number };
    /** S3 lifecycle: days in Standard before Standard-IA, days before Glacier Instant Retrieval. */
    readonly s3Lifecycle: { readonly toStandardIaDays: number; readonly toGlacierIrDays: number };
    /** Where logs go: CloudWatch Logs with a retention, or an in-cluster stack on EBS. */
    readonly logs: { readonly sink: 'cloudwatch' | 'in-cluster'; readonly retentionDays: number };
  };
  readonly ci: CiSpec;
  readonly secrets?: number;
  /** Optional parts: CDN, WAF, backups, other environments, VPC endpoints, AWS Support. */
  readonly parts?: PartsSpec;
  /** Why each other number is what it is, keyed by its path in the profile (e.g. "rds.memoryGiBBase"). */
  readonly why?: Readonly<Record<string, string>>;
}
