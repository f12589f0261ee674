import type { Allowance, SourceRef } from '@tier-planner/cost-model';

/** Facts recorded in the shared data's "Corrections" section (found after the issues were written). */
export const CORRECTIONS_SOURCE: { id: string; ref: SourceRef } = {
  id: 'shared-corrections',
  ref: {
    title: 'tier-planner shared facts, "Corrections" (third-party pages; to confirm with AWS)',
    ref: 'shared/data/README.md, section Corrections',
    asOf: '2026-11',
    confidence: 'third-party-page',
  },
};

/** Free quantities an AWS account gets each month. */
export function buildAllowances(): Allowance[] {
  return [
    {
      key: 'data-transfer/internet-out/free-gb',
      description: 'Data transfer out to the internet free each month (aggregated over the account)',
      quantity: 100,
      unit: 'GB',
      source: CORRECTIONS_SOURCE.id,
    },
  ];
}
