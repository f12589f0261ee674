import { dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

export interface LoadBalancerResource {
  readonly kind?: 'alb' | 'nlb';
  readonly count?: number;
  /** Average capacity units (LCU for ALB, NLCU for NLB) per load balancer over the month; required, since no usage is known without it. */
  readonly capacityUnits: number;
}

export const loadBalancer: ResourceType<LoadBalancerResource> = {
  type: 'load_balancer',
  description: 'Application or network load balancers (hours and capacity units)',
  fields: { kind: { kind: 'enum', values: ['alb', 'nlb'] }, count: { kind: 'count' }, capacityUnits: { kind: 'number', required: true, hint: 'average LCU or NLCU per load balancer; no default is assumed' } },
  toDrafts(r, ctx) {
    const kind = r.kind ?? 'alb';
    const hours = dec(ctx.hoursPerMonth).times(r.count ?? 1);
    const unitName = kind === 'alb' ? 'LCU' : 'NLCU';
    return [
      { service: 'ELB', resource: r.name, component: `${kind === 'alb' ? 'Application' : 'Network'} load balancer`, quantity: hours, unit: 'hours', price: { kind: 'dimension', key: `elb/${kind}/hours` } },
      { service: 'ELB', resource: r.name, component: `Load balancer capacity units (${unitName})`, quantity: hours.times(r.capacityUnits), unit: `${unitName}-hours`, price: { kind: 'dimension', key: kind === 'alb' ? 'elb/alb/lcu-hours' : 'elb/nlb/nlcu-hours' } },
    ];
  },
};
