import type { Allowance, PriceDimension, SnapshotContent, SourceRef } from '@tier-planner/cost-model';
import { commitmentMissing, withCommitments, type CommitmentInput } from './commitments.js';
import { applyRule, type DimensionRule } from './dimension-rule.js';
import type { PriceListItem } from './price-list-item.js';
import { RefreshError } from './refresh-error.js';
import { reservedRates } from './services/ec2-reserved.js';
import { buildEc2Catalog, NOT_SERVED, SERVICES } from './services/index.js';
import type { PodLimits } from './services/ec2.js';

export const REFRESH_GENERATOR = 'pricing refresh (AWS Price List API)';
export const BULK_REFRESH_GENERATOR = 'pricing refresh (AWS Price List Bulk API offer files)';

/**
 * Copied from the embedded snapshot: GitHub Actions is not AWS, and AWS Support is a share of the
 * bill, the same in every region (read from AWS's Support pricing page), not a regional product.
 */
const COPIED_PREFIXES = ['github-actions/', 'support/'];
export const isCopiedKey = (key: string): boolean => COPIED_PREFIXES.some((p) => key.startsWith(p));
// The EKS version calendar is copied too: it is AWS documentation, not a Price List product.

export const priceListSourceId = (serviceCode: string): string => `aws-price-list-${serviceCode}`;

export interface AssembleInput extends CommitmentInput {
  readonly region: string;
  readonly embedded: SnapshotContent;
  /** Every product fetched, by service code. */
  readonly items: ReadonlyMap<string, readonly PriceListItem[]>;
  readonly fetchedAt: Date;
  /** Bulk source: the offer file read per service code (sources then cite the file, not GetProducts). */
  readonly offerFiles?: ReadonlyMap<string, string>;
}

/** Builds the whole snapshot from the fetched products. Pure: no I/O, nothing written. */
export function assembleSnapshot(input: AssembleInput): { content: SnapshotContent; copiedKeys: string[] } {
  const { region, embedded, items, fetchedAt, offerFiles } = input;
  const allItems = [...items.values()].flat();
  const usedCodes = new Set<string>();

  const podLimits = new Map<string, PodLimits>(
    Object.entries(embedded.ec2.instances).map(([type, r]) => [
      type,
      { maxPods: r.maxPods, enis: r.enis, ipv4PerEni: r.ipv4PerEni, ...(r.burst && { burst: r.burst }), ...(r.previousGeneration && { previousGeneration: r.previousGeneration }) },
    ]),
  );
  const ec2Source = priceListSourceId('AmazonEC2');
  const catalog = buildEc2Catalog(items.get('AmazonEC2') ?? [], podLimits, ec2Source);
  if (Object.keys(catalog.instances).length === 0) {
    throw new RefreshError('EMPTY', `the Price List returned no EC2 on-demand Linux prices for ${region}; refusing to write an empty snapshot (nothing was written)`);
  }
  usedCodes.add('AmazonEC2');

  const { prices, missing } = buildDimensions(region, embedded, allItems);
  for (const p of prices) usedCodes.add(p.source.replace(/^aws-price-list-/, ''));

  const copied = embedded.prices.filter((p) => isCopiedKey(p.key));
  const sources: Record<string, SourceRef> = {};
  for (const code of [...usedCodes].sort()) sources[priceListSourceId(code)] = sourceRef(code, region, items.get(code) ?? [], fetchedAt, offerFiles?.get(code));
  const copySource = (id: string) => {
    const ref = embedded.sources[id];
    if (ref) sources[id] = ref;
  };
  copySource(embedded.ec2.podsSource);
  copied.forEach((p) => copySource(p.source));
  embedded.allowances.forEach((a: Allowance) => copySource(a.source));
  embedded.kubernetesVersions?.forEach((v) => copySource(v.source));
  embedded.rdsEngineVersions?.forEach((v) => copySource(v.source));
  for (const p of prices) [p.spec?.broker?.source, p.spec?.cacheNode?.source].forEach((id) => id && copySource(id));
  for (const r of Object.values(catalog.instances)) {
    if (r.burst) copySource(r.burst.source);
    if (r.previousGeneration) copySource(r.previousGeneration.source);
  }

  const committed = withCommitments(input, catalog.instances, prices);
  Object.assign(sources, committed.sources);

  const content: SnapshotContent = {
    region,
    currency: 'USD',
    generatedAt: fetchedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    generator: offerFiles ? BULK_REFRESH_GENERATOR : REFRESH_GENERATOR,
    sources,
    ec2: { priceSource: ec2Source, specSource: ec2Source, podsSource: embedded.ec2.podsSource, instances: committed.instances, dropped: catalog.dropped },
    prices: [...committed.prices, ...copied].sort((a, b) => (a.key < b.key ? -1 : 1)),
    allowances: embedded.allowances,
    ...(embedded.kubernetesVersions ? { kubernetesVersions: embedded.kubernetesVersions } : {}),
    missing: [...commitmentMissing(input, committed), ...missing].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    ...(embedded.rdsEngineVersions ? { rdsEngineVersions: embedded.rdsEngineVersions } : {}),
  };
  return { content, copiedKeys: copied.map((p) => p.key) };
}

function buildDimensions(region: string, embedded: SnapshotContent, allItems: readonly PriceListItem[]) {
  const rules = new Map<string, DimensionRule>();
  for (const service of SERVICES) {
    const codes = new Set(service.queries(region).map((q) => q.serviceCode));
    const serviceItems = allItems.filter((i) => codes.has(i.serviceCode));
    for (const key of service.keysOffered(serviceItems)) {
      const rule = service.ruleFor(key);
      if (rule) rules.set(key, rule);
    }
  }
  const missing: { key: string; reason: string }[] = [];
  for (const { key } of embedded.prices) {
    if (rules.has(key) || isCopiedKey(key)) continue;
    const rule = SERVICES.map((s) => s.ruleFor(key)).find((r) => r !== undefined);
    if (rule) rules.set(key, rule);
    else missing.push({ key, reason: NOT_SERVED.find((n) => key.startsWith(n.prefix))?.reason ?? 'no Price List mapping for this key yet' });
  }
  // Keys the embedded book already lists as missing keep a reason when no rule reads them, so a
  // refreshed book still says why (WAF, …) instead of only "no price".
  for (const { key } of embedded.missing) {
    if (rules.has(key) || missing.some((m) => m.key === key)) continue;
    const notServed = NOT_SERVED.find((n) => key.startsWith(n.prefix))?.reason;
    if (notServed) missing.push({ key, reason: notServed });
  }
  // Add-ons priced as totals need their base first.
  const ordered = [...rules.values()].sort((a, b) => Number(a.plusKey !== undefined) - Number(b.plusKey !== undefined) || (a.key < b.key ? -1 : 1));
  const built = new Map<string, Omit<PriceDimension, 'source'>>();
  const prices: PriceDimension[] = [];
  for (const rule of ordered) {
    const outcome = applyRule(rule, allItems, region, built);
    if (!outcome.ok) {
      missing.push({ key: rule.key, reason: outcome.reason });
      continue;
    }
    built.set(rule.key, outcome.dimension);
    const source = priceListSourceId(outcome.item.serviceCode);
    const reserved = rule.reserved ? reservedRates(outcome.item, source, { standardOnly: true }) : [];
    prices.push({ ...withEmbeddedSizing(outcome.dimension, embedded), source, ...(reserved.length > 0 ? { reserved } : {}) });
  }
  return { prices, missing };
}

/** MSK broker and ElastiCache node sizing facts are not in the Price List: keep the embedded ones. */
function withEmbeddedSizing<D extends Pick<PriceDimension, 'key' | 'spec'>>(dimension: D, embedded: SnapshotContent): D {
  const kept = embedded.prices.find((p) => p.key === dimension.key)?.spec;
  if (!dimension.spec || !(kept?.broker || kept?.cacheNode)) return dimension;
  return { ...dimension, spec: { ...dimension.spec, ...(kept.broker ? { broker: kept.broker } : {}), ...(kept.cacheNode ? { cacheNode: kept.cacheNode } : {}) } };
}

function sourceRef(serviceCode: string, region: string, items: readonly PriceListItem[], fetchedAt: Date, offerFile?: string): SourceRef {
  const published = items.map((i) => i.publishedOn).filter((d): d is string => d !== undefined).sort();
  if (offerFile !== undefined) {
    return {
      title: `AWS Price List Bulk API offer file ${serviceCode}`,
      ref: offerFile,
      asOf: published[published.length - 1] ?? fetchedAt.toISOString().slice(0, 10),
      confidence: 'vendor-api',
    };
  }
  const scope =
    serviceCode === 'AWSDataTransfer' ? `fromRegionCode=${region}` : serviceCode === 'AmazonRoute53' ? '(global prices)' : `regionCode=${region}`;
  // The newest publication date of the products read; the fetch date when the API sent none.
  return {
    title: `AWS Price List API GetProducts ${serviceCode}`,
    ref: `pricing:GetProducts ServiceCode=${serviceCode} ${scope}`,
    asOf: published[published.length - 1] ?? fetchedAt.toISOString().slice(0, 10),
    confidence: 'vendor-api',
  };
}
