import { dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

export type SupportPlanName = 'developer' | 'business' | 'enterprise-on-ramp' | 'enterprise';
export const SUPPORT_PLANS: readonly SupportPlanName[] = ['developer', 'business', 'enterprise-on-ramp', 'enterprise'];

export interface SupportPlanResource {
  readonly plan: SupportPlanName;
  /** The month's AWS charges the fee is a share of, USD as an exact decimal string ("1234.5"). */
  readonly awsChargesUsd: string;
}

/** AWS Support: a banded share of the month's AWS charges, at least the plan's monthly minimum. */
export const supportPlan: ResourceType<SupportPlanResource> = {
  type: 'support_plan',
  description: 'AWS Support plan: a share of the monthly AWS charges by band, with a monthly minimum',
  fields: { plan: { kind: 'enum', values: SUPPORT_PLANS, required: true }, awsChargesUsd: { kind: 'decimal', required: true } },
  toDrafts: (r) => [
    {
      service: 'Support',
      resource: r.name,
      component: `AWS Support (${r.plan})`,
      quantity: dec(r.awsChargesUsd),
      unit: 'USD of AWS charges',
      price: { kind: 'dimension', key: `support/${r.plan}/share-of-charges` },
      minimum: { kind: 'dimension', key: `support/${r.plan}/monthly-minimum` },
    },
  ],
};
