import type { Ec2Purchase, LineItemDraft } from '../../cost/line-item.js';
import { dec, type Decimal } from '../../cost/money.js';
import type { CommitmentTerm, PaymentOption } from '../../pricing/snapshot-types.js';
import { PAYMENT_OPTIONS, type OfferingClass, type SavingsPlanType } from '../../purchase/purchase-choice.js';
import type { ResourceType } from '../resource-type.js';

export interface Ec2InstanceResource {
  readonly instanceType: string;
  readonly count?: number;
  readonly purchase?: Ec2Purchase;
  /** The purchase option's term, payment, offering class (reserved) and plan (Savings Plans); defaults 1yr, No Upfront, standard, compute. */
  readonly term?: CommitmentTerm;
  readonly payment?: PaymentOption;
  readonly offeringClass?: OfferingClass;
  readonly savingsPlan?: SavingsPlanType;
  /** The burst instance-hours' purchase option when it differs (a commitment covers only the floor); default `purchase`. */
  readonly burstPurchase?: Ec2Purchase;
  /** Hours each instance runs a month; default: the whole month. */
  readonly hours?: number;
  /** Burstable types in unlimited mode: surplus CPU credits a month over all the instances, vCPU-hours. */
  readonly cpuCreditVcpuHours?: number;
  /** Of `count` (the peak), the instances that run all month: the always-on floor. */
  readonly floor?: number;
  /** Instance-hours of the others a month, as they scale with the day's load (with `floor`). */
  readonly burstHours?: number;
}

export const ec2Instance: ResourceType<Ec2InstanceResource> = {
  type: 'ec2_instance',
  description: 'EC2 instances (Linux/UNIX, shared tenancy), e.g. EKS worker nodes or Jenkins agents',
  fields: {
    instanceType: { kind: 'string', required: true },
    count: { kind: 'count' },
    purchase: { kind: 'enum', values: ['on-demand', 'spot', 'reserved-1yr', 'reserved-3yr', 'savings-plan'] },
    term: { kind: 'enum', values: ['1yr', '3yr'] },
    payment: { kind: 'enum', values: PAYMENT_OPTIONS },
    offeringClass: { kind: 'enum', values: ['standard', 'convertible'] },
    savingsPlan: { kind: 'enum', values: ['compute', 'ec2-instance'] },
    burstPurchase: { kind: 'enum', values: ['on-demand', 'spot', 'reserved-1yr', 'reserved-3yr', 'savings-plan'] },
    hours: { kind: 'number', max: 744 },
    cpuCreditVcpuHours: { kind: 'number' },
    floor: { kind: 'count' },
    burstHours: { kind: 'number' },
  },
  toDrafts(r, ctx) {
    const purchase = r.purchase ?? 'on-demand';
    const terms = { ...(r.term && { term: r.term }), ...(r.payment && { payment: r.payment }), ...(r.offeringClass && { offeringClass: r.offeringClass }), ...(r.savingsPlan && { savingsPlan: r.savingsPlan }) };
    const price = { kind: 'ec2', instanceType: r.instanceType, purchase, ...(Object.keys(terms).length ? { terms } : {}) } as const;
    const burstPurchase = r.burstPurchase ?? purchase;
    const usage = (what: string, quantity: Decimal, load?: 'floor' | 'burst'): LineItemDraft => ({
      service: 'EC2',
      resource: r.name,
      component: `${what} (Linux/UNIX, ${load === 'burst' ? burstPurchase : purchase}, ${r.instanceType})`,
      quantity,
      unit: 'hours',
      price: load === 'burst' && burstPurchase !== purchase ? { kind: 'ec2', instanceType: r.instanceType, purchase: burstPurchase } : price,
      ...(load ? { load } : {}),
    });
    const hours = dec(r.hours ?? ctx.hoursPerMonth);
    const items: LineItemDraft[] = [];
    if (r.floor === undefined) items.push(usage('Instance usage', hours.times(r.count ?? 1)));
    else {
      items.push(usage('Instance usage', hours.times(r.floor), 'floor'));
      if ((r.burstHours ?? 0) > 0) items.push(usage('Burst instance usage', dec(r.burstHours!), 'burst'));
    }
    // Surplus credits bill on demand whatever the instances' purchase option.
    if (r.cpuCreditVcpuHours) {
      items.push({ service: 'EC2', resource: r.name, component: 'CPU credits (unlimited mode surplus)', quantity: dec(r.cpuCreditVcpuHours), unit: 'vCPU-hours', price: { kind: 'dimension', key: 'ec2/cpu-credits/t3' } });
    }
    return items;
  },
};
