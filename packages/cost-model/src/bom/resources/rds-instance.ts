import type { LineItemDraft } from '../../cost/line-item.js';
import { dec } from '../../cost/money.js';
import { extendedSupportOn, INSTANCES_PER_DEPLOYMENT } from '../rds-extended-support.js';
import { rdsStoragePerformance, rdsStorageProblems, type RdsStorageType } from '../rds-storage.js';
import type { BomContext, ResourceType } from '../resource-type.js';

export type RdsDeployment = 'single-az' | 'multi-az' | 'multi-az-cluster';

export interface RdsInstanceResource {
  readonly engine: 'postgresql' | 'mysql';
  readonly instanceClass: string;
  readonly deployment?: RdsDeployment;
  /** Instances of this shape, e.g. read replicas (each is billed as its own instance). */
  readonly count?: number;
  readonly storageGb?: number;
  /** Storage type; default gp3 (what plans choose). */
  readonly storageType?: RdsStorageType;
  /** gp3 IOPS provisioned above the included baseline. */
  readonly extraIops?: number;
  /** io1/io2: the IOPS provisioned (at least 0.5 per GiB). */
  readonly iops?: number;
  /** Backup storage beyond the free allocation (100% of provisioned storage). */
  readonly backupStorageGb?: number;
  /** Engine version ("12", "12.22", "5.7.44"): a major version past RDS standard support on the day priced bills Extended Support. */
  readonly engineVersion?: string;
}

const ENGINE_LABEL = { postgresql: 'PostgreSQL', mysql: 'MySQL' } as const;

export const rdsInstance: ResourceType<RdsInstanceResource> = {
  type: 'rds_instance',
  description: 'RDS PostgreSQL or MySQL instances with gp3, gp2, io1 or io2 storage, and Extended Support by engine version',
  fields: {
    engine: { kind: 'enum', values: ['postgresql', 'mysql'], required: true },
    instanceClass: { kind: 'string', required: true },
    deployment: { kind: 'enum', values: ['single-az', 'multi-az', 'multi-az-cluster'] },
    count: { kind: 'count' },
    storageGb: { kind: 'number', max: 65536 },
    storageType: { kind: 'enum', values: ['gp3', 'gp2', 'io1', 'io2'] },
    extraIops: { kind: 'count' },
    iops: { kind: 'count' },
    backupStorageGb: { kind: 'number' },
    engineVersion: { kind: 'string' },
  },
  problems(r) {
    const out = rdsStorageProblems(r.storageType ?? 'gp3', r.storageGb, r.iops, r.extraIops);
    if (r.engineVersion !== undefined && !/^\d{1,2}(\.\d{1,3}){0,2}$/.test(r.engineVersion)) out.push(`engineVersion: must be a version such as "12", "12.22" or "5.7.44", got ${JSON.stringify(r.engineVersion)}`);
    return out;
  },
  toDrafts(r, ctx) {
    const deployment = r.deployment ?? 'single-az';
    const n = r.count ?? 1;
    const items: LineItemDraft[] = [
      {
        service: 'RDS',
        resource: r.name,
        component: `Database instance (${r.engine}, ${r.instanceClass}, ${deployment})`,
        quantity: dec(ctx.hoursPerMonth).times(n),
        unit: deployment === 'multi-az-cluster' ? 'cluster-hours' : 'hours',
        price: { kind: 'dimension', key: `rds/${r.engine}/${r.instanceClass}/${deployment}` },
      },
    ];
    items.push(...storageDrafts(r, deployment, n));
    if (r.backupStorageGb) items.push({ service: 'RDS', resource: r.name, component: 'Backup storage (beyond the free allocation)', quantity: dec(r.backupStorageGb), unit: 'GB-months', price: { kind: 'dimension', key: 'rds/backup-storage' } });
    const support = r.engineVersion === undefined ? undefined : extendedSupportDraft(r, deployment, n, ctx);
    if (support) items.push(support);
    return items;
  },
};

function storageDrafts(r: RdsInstanceResource & { name: string }, deployment: RdsDeployment, n: number): LineItemDraft[] {
  const type = r.storageType ?? 'gp3';
  if (!r.storageGb) return [];
  const perf = rdsStoragePerformance(type, r.storageGb, r.iops ?? 0);
  // gp3 keeps its per-engine keys; the other types are listed for any engine.
  const storageKey = type === 'gp3' ? `rds/${r.engine}/gp3/storage/${deployment}` : `rds/${type}/storage/${deployment}`;
  const items: LineItemDraft[] = [
    { service: 'RDS', resource: r.name, component: `Storage (${type}, ${deployment})`, quantity: dec(r.storageGb).times(n), unit: 'GB-months', price: { kind: 'dimension', key: storageKey }, ...(type === 'gp3' ? {} : { note: perf.why }) },
  ];
  if (type === 'gp3' && r.extraIops) items.push({ service: 'RDS', resource: r.name, component: `Provisioned IOPS (gp3, above baseline, ${deployment})`, quantity: dec(r.extraIops).times(n), unit: 'IOPS-months', price: { kind: 'dimension', key: `rds/${r.engine}/gp3/iops/${deployment}` } });
  if ((type === 'io1' || type === 'io2') && r.iops) items.push({ service: 'RDS', resource: r.name, component: `Provisioned IOPS (${type}, ${deployment})`, quantity: dec(r.iops).times(n), unit: 'IOPS-months', price: { kind: 'dimension', key: `rds/${type}/iops/${deployment}` } });
  return items;
}

/** Extended Support per vCPU-hour of every instance (standbys included), in the year of support on the day priced. */
function extendedSupportDraft(r: RdsInstanceResource & { name: string }, deployment: RdsDeployment, n: number, ctx: BomContext): LineItemDraft | undefined {
  const label = `${ENGINE_LABEL[r.engine]} ${r.engineVersion}`;
  const base = { service: 'RDS', resource: r.name, unit: 'vCPU-hours' } as const;
  if (!ctx.book || !ctx.date) return { ...base, component: `Extended Support (${label})`, quantity: dec(0), price: { kind: 'dimension', key: 'rds/extended-support/year-1' }, unpricedReason: 'no price book and date to read the RDS Extended Support calendar from' };
  const on = extendedSupportOn(ctx.book, r.engine, r.engineVersion!, ctx.date);
  if (on.status === 'standard' || on.status === 'not-yet-billed') return undefined;
  if (on.status === 'unknown') {
    return { ...base, component: `Extended Support (${ENGINE_LABEL[r.engine]} ${on.major})`, quantity: dec(0), price: { kind: 'dimension', key: `rds/engine-versions/${r.engine}/${on.major}` }, unpricedReason: `the ${ctx.book.region} price book's RDS Extended Support calendar does not list ${ENGINE_LABEL[r.engine]} ${on.major} (it holds the versions whose dates AWS's pages gave): whether it bills Extended Support on ${ctx.date} is unknown` };
  }
  if (on.status === 'ended') {
    return { ...base, component: `Extended Support (${label})`, quantity: dec(0), price: { kind: 'dimension', key: 'rds/extended-support/year-3' }, unpricedReason: `RDS Extended Support for ${ENGINE_LABEL[r.engine]} ${on.version.version} ended on ${on.version.endOfExtendedSupport}: RDS upgrades the engine, so ${ctx.date} has no such database to price` };
  }
  const vcpu = classVcpu(ctx, r, deployment);
  const instances = INSTANCES_PER_DEPLOYMENT[deployment] * n;
  const component = `Extended Support (${label}, year ${on.year})`;
  const price = { kind: 'dimension', key: `rds/extended-support/year-${on.year}` } as const;
  const note = `${ENGINE_LABEL[r.engine]} ${on.version.version} left RDS standard support on ${on.version.endOfStandardSupport}; on ${ctx.date} it is in year ${on.year} of Extended Support (ends ${on.version.endOfExtendedSupport}); ${instances} instance${instances === 1 ? '' : 's'} × ${vcpu ?? '?'} vCPU × ${ctx.hoursPerMonth} h`;
  if (vcpu === undefined) return { ...base, component, quantity: dec(0), price, note, unpricedReason: `the ${ctx.book.region} price book has no vCPU count for ${r.instanceClass}, which Extended Support is billed by` };
  return { ...base, component, quantity: dec(ctx.hoursPerMonth).times(vcpu).times(instances), price, note };
}

function classVcpu(ctx: BomContext, r: RdsInstanceResource, deployment: RdsDeployment): number | undefined {
  const spec = (d: string) => ctx.book!.price(`rds/${r.engine}/${r.instanceClass}/${d}`)?.spec?.vcpu;
  return spec(deployment) ?? spec('single-az') ?? spec('multi-az');
}
