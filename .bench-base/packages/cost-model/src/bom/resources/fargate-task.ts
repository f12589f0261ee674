import type { LineItemDraft } from '../../cost/line-item.js';
import { dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

export interface FargateTaskResource {
  readonly vcpu: number;
  readonly memoryGb: number;
  readonly count?: number;
  readonly arch?: 'x86_64' | 'arm64';
  readonly spot?: boolean;
  /** Ephemeral storage per task; the first 20 GB are included. */
  readonly ephemeralStorageGb?: number;
  /** Hours each task runs a month; default: the whole month. */
  readonly hours?: number;
}

export const FARGATE_INCLUDED_EPHEMERAL_GB = 20;

export const fargateTask: ResourceType<FargateTaskResource> = {
  type: 'fargate_task',
  description: 'ECS or EKS Fargate tasks (vCPU and memory per hour)',
  fields: {
    vcpu: { kind: 'number', required: true, min: 0.25, max: 16 },
    memoryGb: { kind: 'number', required: true, min: 0.5, max: 120 },
    count: { kind: 'count' },
    arch: { kind: 'enum', values: ['x86_64', 'arm64'] },
    spot: { kind: 'boolean' },
    ephemeralStorageGb: { kind: 'number', min: 20, max: 200 },
    hours: { kind: 'number', max: 744 },
  },
  toDrafts(r, ctx) {
    const arch = r.arch ?? 'x86_64';
    const spot = r.spot ?? false;
    const archKey = arch === 'arm64' ? 'linux-arm64' : 'linux-x86';
    const prefix = spot ? 'fargate-spot' : 'fargate';
    const taskHours = dec(r.hours ?? ctx.hoursPerMonth).times(r.count ?? 1);
    const label = `${arch === 'arm64' ? 'Linux/Arm' : 'Linux/x86'}${spot ? ', Spot' : ''}`;
    const items: LineItemDraft[] = [
      { service: 'Fargate', resource: r.name, component: `vCPU (${label})`, quantity: taskHours.times(r.vcpu), unit: 'vCPU-hours', price: { kind: 'dimension', key: `${prefix}/${archKey}/vcpu-hours` } },
      { service: 'Fargate', resource: r.name, component: `Memory (${label})`, quantity: taskHours.times(r.memoryGb), unit: 'GB-hours', price: { kind: 'dimension', key: `${prefix}/${archKey}/gb-hours` } },
    ];
    const extra = (r.ephemeralStorageGb ?? FARGATE_INCLUDED_EPHEMERAL_GB) - FARGATE_INCLUDED_EPHEMERAL_GB;
    if (extra > 0) items.push({ service: 'Fargate', resource: r.name, component: 'Ephemeral storage (above 20 GB)', quantity: taskHours.times(extra), unit: 'GB-hours', price: { kind: 'dimension', key: 'fargate/ephemeral-storage/gb-hours' } });
    return items;
  },
};
