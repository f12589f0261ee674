import type { Architecture, InstanceTypeRecord } from '@tier-planner/cost-model';
import { isZeroDecimal } from '../decimal.js';
import { baseUsageType, onDemandDimensions, type PriceListItem } from '../price-list-item.js';
import { fixedRulesService, inRegion, type ProductQuery } from '../service-definition.js';
import { reservedRates } from './ec2-reserved.js';

// EC2 on-demand Linux, shared tenancy, no pre-installed software, capacity actually used (not
// reservations), no licence: the same filters Karpenter and Infracost use. Bare-metal types are a
// separate productFamily.
const EC2 = 'AmazonEC2';

export const EC2_INSTANCE_FILTERS = {
  operatingSystem: 'Linux',
  tenancy: 'Shared',
  preInstalledSw: 'NA',
  capacitystatus: 'Used',
  licenseModel: 'No License required',
} as const;

export const EC2_INSTANCE_FAMILIES = ['Compute Instance', 'Compute Instance (bare metal)'] as const;

export function ec2InstanceQueries(region: string): ProductQuery[] {
  return EC2_INSTANCE_FAMILIES.map((productFamily) => inRegion(EC2, region, { productFamily, ...EC2_INSTANCE_FILTERS }));
}

/** Region-independent facts kept from the embedded catalog (EKS max pods and ENI limits, CPU credit baselines, generation). */
export type PodLimits = Pick<InstanceTypeRecord, 'maxPods' | 'enis' | 'ipv4PerEni' | 'burst' | 'previousGeneration'>;

export const DROP_REASONS = {
  noPrice: 'no on-demand Linux price in the Price List',
  zeroPrice: 'listed at 0 USD on demand (not offered)',
  noSpec: 'no vcpu or memory attribute in the Price List',
  ambiguous: 'several products with different prices',
  noPods: 'kept without an EKS max-pods row (max pods unknown)',
} as const;

export interface Ec2Catalog {
  readonly instances: Record<string, InstanceTypeRecord>;
  readonly dropped: Record<string, number>;
}

export function buildEc2Catalog(items: readonly PriceListItem[], podLimits: ReadonlyMap<string, PodLimits>, sourceId: string): Ec2Catalog {
  const byType = new Map<string, PriceListItem[]>();
  for (const item of items) {
    const type = item.attributes.instanceType;
    if (!type || !isOnDemandBoxUsage(item, type)) continue;
    byType.set(type, [...(byType.get(type) ?? []), item]);
  }
  const instances: Record<string, InstanceTypeRecord> = {};
  const dropped: Record<string, number> = {};
  const drop = (reason: string) => (dropped[reason] = (dropped[reason] ?? 0) + 1);
  for (const type of [...byType.keys()].sort()) {
    const record = instanceRecord(type, byType.get(type)!, podLimits.get(type), sourceId);
    if (typeof record === 'string') drop(record);
    else {
      instances[type] = record;
      if (record.maxPods === null) drop(DROP_REASONS.noPods);
    }
  }
  return { instances, dropped };
}

/** BoxUsage lines only: dedicated hosts, reservations and Capacity Blocks have other usage types. */
function isOnDemandBoxUsage(item: PriceListItem, type: string): boolean {
  if (baseUsageType(item.attributes.usagetype) !== `BoxUsage:${type}`) return false;
  return item.attributes.marketoption === undefined || item.attributes.marketoption === 'OnDemand';
}

function instanceRecord(type: string, items: readonly PriceListItem[], pods: PodLimits | undefined, sourceId: string): InstanceTypeRecord | string {
  const prices = new Set(items.map((i) => onDemandDimensions(i).find((d) => d.unit === 'Hrs')?.usd));
  if (prices.size > 1) return DROP_REASONS.ambiguous;
  const item = items[0]!;
  const usd = [...prices][0];
  if (usd === undefined) return DROP_REASONS.noPrice;
  if (isZeroDecimal(usd)) return DROP_REASONS.zeroPrice;
  const vcpu = Number(item.attributes.vcpu);
  const memoryMiB = memoryMiBOf(item.attributes.memory);
  if (!Number.isInteger(vcpu) || vcpu <= 0 || memoryMiB === undefined) return DROP_REASONS.noSpec;
  const reserved = reservedRates(item, sourceId);
  return {
    vcpu,
    memoryMiB,
    gpus: gpuCount(item.attributes.gpu),
    arch: architectureOf(item.attributes),
    maxPods: pods?.maxPods ?? null,
    enis: pods?.enis ?? null,
    ipv4PerEni: pods?.ipv4PerEni ?? null,
    bareMetal: item.productFamily === 'Compute Instance (bare metal)' || type.includes('.metal'),
    onDemandUsd: usd,
    ...(reserved.length > 0 ? { reserved } : {}),
    ...(pods?.burst ? { burst: pods.burst } : {}),
    ...(pods?.previousGeneration ? { previousGeneration: pods.previousGeneration } : {}),
  };
}

/** "8 GiB" → 8192, "0.5 GiB" → 512, "1,952 GiB" → 1998848. */
export function memoryMiBOf(memory: string | undefined): number | undefined {
  const m = /^([\d,]+(?:\.\d+)?)\s*GiB$/i.exec(memory?.trim() ?? '');
  if (!m) return undefined;
  const mib = Math.round(Number(m[1]!.replace(/,/g, '')) * 1024);
  return mib > 0 ? mib : undefined;
}

function gpuCount(gpu: string | undefined): number {
  const n = Number(gpu);
  return gpu !== undefined && Number.isInteger(n) && n >= 0 ? n : 0;
}

/** Graviton is the only Arm processor EC2 sells; newer items also say "64-bit Arm"-style architectures. */
export function architectureOf(attributes: Readonly<Record<string, string>>): Architecture {
  const processor = attributes.physicalProcessor ?? '';
  const arch = attributes.processorArchitecture ?? '';
  return /graviton/i.test(processor) || /arm/i.test(arch) ? 'arm64' : 'x86_64';
}


export const ec2ExtrasService = fixedRulesService({
  name: 'EC2 extras',
  queries: (region) => [inRegion(EC2, region, { productFamily: 'CPU Credits', operatingSystem: 'Linux' })],
  rules: [
    {
      key: 'ec2/cpu-credits/t3',
      service: 'EC2',
      description: 'CPU credits (t3/t3a/t4g unlimited)',
      unit: 'vCPU-hours',
      match: { serviceCode: EC2, productFamily: 'CPU Credits', usagetype: 'CPUCredits:t3', attributes: { operatingSystem: 'Linux' } },
      shape: 'flat',
    },
  ],
});
