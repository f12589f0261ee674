import type { Ec2Purchase, LineItemDraft, PriceRef } from '../../cost/line-item.js';
import { dec, type Decimal } from '../../cost/money.js';
import type { CommitmentTerm, PaymentOption } from '../../pricing/snapshot-types.js';
import { PAYMENT_OPTIONS, type OfferingClass, type SavingsPlanType } from '../../purchase/purchase-choice.js';
import type { BomContext, ResourceType } from '../resource-type.js';

export interface Ec2InstanceResource {
  readonly instanceType: string;
  /** Operating system; default linux. Windows hours are priced from their own keys (license included). */
  readonly os?: 'linux' | 'windows';
  /** Previous-generation types that charge for EBS optimization: bill the hourly surcharge (current types include it). */
  readonly ebsOptimized?: boolean;
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
  description: 'EC2 instances (Linux/UNIX or Windows, shared tenancy), e.g. EKS worker nodes or Jenkins agents',
  fields: {
    instanceType: { kind: 'string', required: true },
    os: { kind: 'enum', values: ['linux', 'windows'] },
    ebsOptimized: { kind: 'boolean' },
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
    const windows = r.os === 'windows';
    const terms = { ...(r.term && { term: r.term }), ...(r.payment && { payment: r.payment }), ...(r.offeringClass && { offeringClass: r.offeringClass }), ...(r.savingsPlan && { savingsPlan: r.savingsPlan }) };
    // The instance catalog is Linux/UNIX; Windows hours have keys of their own.
    const price: PriceRef = windows
      ? { kind: 'dimension', key: `ec2/windows/${r.instanceType}/${purchase}` }
      : { kind: 'ec2', instanceType: r.instanceType, purchase, ...(Object.keys(terms).length ? { terms } : {}) };
    const burstPurchase = r.burstPurchase ?? purchase;
    const usage = (what: string, quantity: Decimal, load?: 'floor' | 'burst'): LineItemDraft => ({
      service: 'EC2',
      resource: r.name,
      component: `${what} (${windows ? 'Windows' : 'Linux/UNIX'}, ${load === 'burst' ? burstPurchase : purchase}, ${r.instanceType})`,
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
      items.push({ service: 'EC2', resource: r.name, component: 'CPU credits (unlimited mode surplus)', quantity: dec(r.cpuCreditVcpuHours), unit: 'vCPU-hours', price: { kind: 'dimension', key: cpuCreditKey(r.instanceType, windows) } });
    }
    if (r.ebsOptimized) {
      const surcharge = ebsOptimizedDraft(r, ctx, items);
      if (surcharge) items.push(surcharge);
    }
    return items;
  },
};

/**
 * The surplus-credit rate key: T2 has its own; T3, T3a and T4g share the t3 key (one rate in the
 * sources). Windows has its own rate, which no source here gives.
 */
function cpuCreditKey(instanceType: string, windows: boolean): string {
  if (windows) return 'ec2/cpu-credits/windows';
  return instanceType.startsWith('t2.') ? 'ec2/cpu-credits/t2' : 'ec2/cpu-credits/t3';
}

/**
 * Current-generation types are EBS-optimized at no extra cost; previous-generation types that offer
 * it bill an hourly surcharge per instance, for the hours the instances run.
 */
function ebsOptimizedDraft(r: Ec2InstanceResource & { name: string }, ctx: BomContext, usage: readonly LineItemDraft[]): LineItemDraft | undefined {
  const type = ctx.book?.instanceType(r.instanceType);
  if (type?.currentGeneration) return undefined;
  const hours = usage.filter((i) => i.unit === 'hours').reduce((t, i) => t.plus(i.quantity), dec(0));
  return {
    service: 'EC2',
    resource: r.name,
    component: `EBS-optimized surcharge (${r.instanceType}, previous generation)`,
    quantity: hours,
    unit: 'hours',
    price: { kind: 'dimension', key: `ec2/ebs-optimized/${r.instanceType}` },
  };
}
