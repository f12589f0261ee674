export interface VolumePlan {
  readonly name: string;
  readonly sizeGb: number;
  readonly count: number;
  readonly why: string;
}

/** Everything the plan stores, sized from demand; each becomes a bill-of-materials resource. */
export interface StoragePlan {
  readonly nodeRootVolumes?: VolumePlan;
  readonly persistentVolumes: readonly VolumePlan[];
  readonly database?: { readonly storageGb: number; readonly instances: number; readonly why: string };
  readonly s3: { readonly standardGb: number; readonly standardIaGb: number; readonly glacierInstantGb: number; readonly putRequests: number; readonly getRequests: number; readonly why: string };
  readonly ecr: { readonly repositories: number; readonly retainedImages: number; readonly storageGb: number };
  readonly logs: { readonly sink: 'cloudwatch' | 'in-cluster'; readonly ingestedGbPerMonth: number; readonly storedGb: number };
}
