import type { Ec2Purchase } from '../../cost/line-item.js';
import { dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

export interface Ec2InstanceResource {
  readonly instanceType: string;
  readonly count?: number;
  readonly purchase?: Ec2Purchase;
  /** Hours each instance runs a month; default: the whole month. */
  readonly hours?: number;
}

export const ec2Instance: ResourceType<Ec2InstanceResource> = {
  type: 'ec2_instance',
  description: 'EC2 instances (Linux/UNIX, shared tenancy), e.g. EKS worker nodes or Jenkins agents',
  fields: {
    instanceType: { kind: 'string', required: true },
    count: { kind: 'count' },
    purchase: { kind: 'enum', values: ['on-demand', 'spot', 'reserved-1yr', 'reserved-3yr', 'savings-plan'] },
    hours: { kind: 'number', max: 744 },
  },
  toDrafts(r, ctx) {
    const purchase = r.purchase ?? 'on-demand';
    const hours = dec(r.hours ?? ctx.hoursPerMonth).times(r.count ?? 1);
    return [
      {
        service: 'EC2',
        resource: r.name,
        component: `Instance usage (Linux/UNIX, ${purchase}, ${r.instanceType})`,
        quantity: hours,
        unit: 'hours',
        price: { kind: 'ec2', instanceType: r.instanceType, purchase },
      },
    ];
  },
};
