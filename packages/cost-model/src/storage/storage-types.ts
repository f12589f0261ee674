export interface VolumePlan {
  readonly name: string;
  readonly sizeGb: number;
  readonly count: number;
  readonly why: string;
}

/** Everything the plan stores, sized from demand; each becomes a bill-of-materials resource. */
/** Root volumes live and die with their nodes: `count` at the peak, `floor` all month, the rest for their hours. */
export interface RootVolumesPlan extends VolumePlan {
  readonly floor: number;
  /** Volume-hours a month of the volumes above the floor (the burst nodes' node-hours). */
  readonly burstHours: number;
}

export interface StoragePlan {
  readonly nodeRootVolumes?: RootVolumesPlan;
  readonly persistentVolumes: readonly VolumePlan[];
  readonly database?: { readonly storageGb: number; readonly instances: number; readonly why: string };
  readonly s3: {
    readonly standardGb: number;
    readonly standardIaGb: number;
    readonly glacierInstantGb: number;
    readonly putRequests: number;
    readonly getRequests: number;
    /** The lifecycle the split assumes, so infrastructure built from a plan file applies the same rules. */
    readonly lifecycle: { readonly toStandardIaDays: number; readonly toGlacierIrDays: number };
    readonly why: string;
  };
  readonly ecr: { readonly repositories: number; readonly retainedImages: number; readonly storageGb: number };
  readonly logs: { readonly sink: 'cloudwatch' | 'in-cluster'; readonly retentionDays: number; readonly ingestedGbPerMonth: number; readonly storedGb: number };
}
