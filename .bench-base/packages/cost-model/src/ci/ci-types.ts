export interface CiPlan {
  readonly provider: 'github-actions' | 'jenkins';
  readonly pipelineRunsPerMonth: number;
  /** Billable minutes per runner SKU (each job rounded up to a whole minute). */
  readonly minutesByRunner: Readonly<Record<string, number>>;
  readonly totalMinutes: number;
  readonly jenkins?: { readonly controllerType: string; readonly agentType: string; readonly agentHours: number };
  readonly why: string;
}
