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
}

/** One deployable service (a Deployment on Kubernetes, a service on ECS). */
export interface ServiceSpec {
  readonly name: string;
  /** CPU request per replica, millicores. */
  readonly cpuMillicores: number;
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
  /** Where the figures above come from (assumption or measurement). */
  readonly why?: string;
}

/** Pods that run regardless of load: cluster add-ons (Deployments) and DaemonSets. */
export interface SystemPod {
  readonly name: string;
  readonly cpuMillicores: number;
  readonly memoryMiB: number;
  /** Replicas for a Deployment add-on; DaemonSets run one per node. */
  readonly replicas?: number;
  /** Only when the profile runs its monitoring in the cluster, etc.: a named feature flag. */
  readonly when?: 'monitoring-in-cluster' | 'logging-in-cluster';
  /** Where the requests come from: the upstream default it copies, or "tier-planner assumption". */
  readonly why?: string;
}

export interface NodeConstraints {
  /** Instance families allowed (e.g. "t3", "m6i"); empty or absent: any family. */
  readonly families?: readonly string[];
  readonly architectures?: readonly ('x86_64' | 'arm64')[];
  readonly allowBurstable?: boolean;
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
}

export interface CacheSpec {
  readonly engine: 'redis' | 'valkey';
  readonly fromUsers: number;
  /** Hot data kept per daily active user, KiB. */
  readonly kibPerActiveUser: number;
  readonly nodeFamilies: readonly string[];
}

export interface KafkaSpec {
  readonly fromUsers: number;
  readonly brokerFamilies: readonly string[];
  /** Ingest MB/s one broker of 2 vCPUs handles at the target utilisation. */
  readonly mbPerSecondPerBrokerVcpu: number;
  /** Kafka bytes per request (events produced). */
  readonly bytesPerRequest: number;
  readonly retentionHours: number;
  readonly replicationFactor: number;
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
  readonly services: readonly ServiceSpec[];
  readonly systemPods?: readonly SystemPod[];
  readonly daemonSets?: readonly SystemPod[];
  readonly features?: readonly ('monitoring-in-cluster' | 'logging-in-cluster')[];
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
  /** Why each other number is what it is, keyed by its path in the profile (e.g. "rds.memoryGiBBase"). */
  readonly why?: Readonly<Record<string, string>>;
}
