import type { LineItemDraft } from '../../cost/line-item.js';
import { dec, type Decimal } from '../../cost/money.js';
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
  /** Of `count` (the peak), the tasks that run all month: the always-on floor. */
  readonly floor?: number;
  /** Task-hours of the others a month, as they scale with the day's load (with `floor`). */
  readonly burstHours?: number;
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
    floor: { kind: 'count' },
    burstHours: { kind: 'number' },
  },
  toDrafts(r, ctx) {
    const arch = r.arch ?? 'x86_64';
    const spot = r.spot ?? false;
    const archKey = arch === 'arm64' ? 'linux-arm64' : 'linux-x86';
    const prefix = spot ? 'fargate-spot' : 'fargate';
    const label = `${arch === 'arm64' ? 'Linux/Arm' : 'Linux/x86'}${spot ? ', Spot' : ''}`;
    const extra = (r.ephemeralStorageGb ?? FARGATE_INCLUDED_EPHEMERAL_GB) - FARGATE_INCLUDED_EPHEMERAL_GB;
    const drafts = (taskHours: Decimal, burst: boolean, load?: 'floor' | 'burst'): LineItemDraft[] => {
      const tag = (d: LineItemDraft): LineItemDraft => (load ? { ...d, load } : d);
      // "Memory" → "Burst memory": the burst items read as their own lines.
      const name = (what: string) => (burst ? `Burst ${what.charAt(0).toLowerCase()}${what.slice(1)}` : what);
      const items: LineItemDraft[] = [
        { service: 'Fargate', resource: r.name, component: `${name('vCPU')} (${label})`, quantity: taskHours.times(r.vcpu), unit: 'vCPU-hours', price: { kind: 'dimension', key: `${prefix}/${archKey}/vcpu-hours` } },
        { service: 'Fargate', resource: r.name, component: `${name('Memory')} (${label})`, quantity: taskHours.times(r.memoryGb), unit: 'GB-hours', price: { kind: 'dimension', key: `${prefix}/${archKey}/gb-hours` } },
      ];
      if (extra > 0) items.push({ service: 'Fargate', resource: r.name, component: `${name('Ephemeral storage')} (above 20 GB)`, quantity: taskHours.times(extra), unit: 'GB-hours', price: { kind: 'dimension', key: 'fargate/ephemeral-storage/gb-hours' } });
      return items.map(tag);
    };
    const hours = dec(r.hours ?? ctx.hoursPerMonth);
    if (r.floor === undefined) return drafts(hours.times(r.count ?? 1), false);
    const items = drafts(hours.times(r.floor), false, 'floor');
    if ((r.burstHours ?? 0) > 0) items.push(...drafts(dec(r.burstHours!), true, 'burst'));
    return items;
  },
};
