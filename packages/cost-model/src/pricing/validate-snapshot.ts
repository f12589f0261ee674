import { isDecimalString } from './decimal-string.js';
import { PricingError } from './pricing-error.js';
import { snapshotDigest } from './snapshot-digest.js';
import {
  SNAPSHOT_FORMAT,
  SNAPSHOT_SCHEMA_VERSION,
  type SnapshotContent,
  type SnapshotFile,
} from './snapshot-types.js';

const CONFIDENCE = new Set(['vendor-api', 'vendor-data', 'two-sources-agree', 'derived-golden', 'third-party-page']);
const PURCHASE = new Set(['on-demand', 'spot', 'reserved', 'savings-plan']);
const ARCH = new Set(['x86_64', 'arm64']);

type Obj = Record<string, unknown>;

/**
 * Checks a parsed snapshot file: format, schema version, digest, then every field the model
 * relies on. Throws PricingError with a one-line message that names the file and the field.
 * Hand-written (not a JSON Schema engine) so loading stays within the CLI's start-up budget;
 * a test checks it against data/pricing/schema/price-snapshot.v1.schema.json.
 */
export function validateSnapshotFile(data: unknown, file: string): SnapshotFile {
  const fail = (code: 'CORRUPT_SNAPSHOT' | 'INVALID_SNAPSHOT' | 'UNSUPPORTED_SCHEMA', what: string): never => {
    throw new PricingError(code, `price snapshot ${file}: ${what}`);
  };
  if (!isObj(data) || data.format !== SNAPSHOT_FORMAT) fail('INVALID_SNAPSHOT', `not a tier-planner price snapshot`);
  const root = data as Obj;
  if (root.schemaVersion !== SNAPSHOT_SCHEMA_VERSION) {
    fail('UNSUPPORTED_SCHEMA', `schema version ${String(root.schemaVersion)} is not supported (this build reads ${SNAPSHOT_SCHEMA_VERSION})`);
  }
  if (!isObj(root.snapshot) || typeof root.digest !== 'string') fail('INVALID_SNAPSHOT', 'missing "snapshot" or "digest"');
  const content = root.snapshot as unknown as SnapshotContent;
  if (snapshotDigest(content) !== root.digest) {
    fail('CORRUPT_SNAPSHOT', 'digest mismatch: the file was truncated or edited by hand (rebuild or refresh it)');
  }
  const problem = findProblem(content);
  if (problem) fail('INVALID_SNAPSHOT', problem);
  return root as unknown as SnapshotFile;
}

/** The first structural problem in a snapshot's content, or undefined. */
export function findProblem(c: SnapshotContent): string | undefined {
  const s = c as unknown as Obj;
  if (typeof s.region !== 'string' || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(s.region)) return `region: not an AWS region code`;
  if (s.currency !== 'USD') return `currency: only USD is supported`;
  if (typeof s.generatedAt !== 'string' || Number.isNaN(Date.parse(s.generatedAt))) return `generatedAt: not a date`;
  if (!isObj(s.sources)) return `sources: not an object`;
  for (const [id, src] of Object.entries(s.sources)) {
    if (!isObj(src) || !str(src.title) || !str(src.ref) || !str(src.asOf) || !CONFIDENCE.has(src.confidence as string)) {
      return `sources.${id}: needs title, ref, asOf and a known confidence`;
    }
  }
  const known = (id: unknown) => typeof id === 'string' && id in (s.sources as Obj);
  const ec2 = s.ec2 as Obj | undefined;
  if (!isObj(ec2) || !isObj(ec2.instances) || !isObj(ec2.dropped)) return `ec2: needs instances and dropped`;
  for (const k of ['priceSource', 'specSource', 'podsSource'] as const) {
    if (!known(ec2[k])) return `ec2.${k}: unknown source ${String(ec2[k])}`;
  }
  for (const [name, r] of Object.entries(ec2.instances)) {
    const bad = instanceProblem(r, known);
    if (bad) return `ec2.instances["${name}"].${bad}`;
  }
  if (!Array.isArray(s.prices)) return `prices: not an array`;
  const keys = new Set<string>();
  for (const [i, p] of (s.prices as unknown[]).entries()) {
    const bad = priceProblem(p, known);
    const key = isObj(p) ? String(p.key) : `#${i}`;
    if (bad) return `prices["${key}"].${bad}`;
    if (keys.has(key)) return `prices["${key}"]: duplicate key`;
    keys.add(key);
  }
  if (!Array.isArray(s.allowances)) return `allowances: not an array`;
  for (const a of s.allowances as unknown[]) {
    if (!isObj(a) || !str(a.key) || !str(a.unit) || !isCount(a.quantity) || !known(a.source)) {
      return `allowances["${isObj(a) ? String(a.key) : '?'}"]: needs key, quantity, unit and a known source`;
    }
  }
  if (s.kubernetesVersions !== undefined) {
    const bad = kubernetesVersionsProblem(s.kubernetesVersions, known);
    if (bad) return `kubernetesVersions${bad}`;
  }
  if (s.rdsEngineVersions !== undefined) {
    const bad = rdsEngineVersionsProblem(s.rdsEngineVersions, known);
    if (bad) return `rdsEngineVersions${bad}`;
  }
  if (!Array.isArray(s.missing)) return `missing: not an array`;
  return undefined;
}

const RDS_VERSION = /^\d{1,2}(\.\d{1,2})?$/;

function rdsEngineVersionsProblem(list: unknown, known: (id: unknown) => boolean): string | undefined {
  if (!Array.isArray(list)) return ': not an array';
  const seen = new Set<string>();
  for (const [i, v] of list.entries()) {
    if (!isObj(v) || (v.engine !== 'postgresql' && v.engine !== 'mysql')) return `[${i}].engine: postgresql or mysql`;
    if (typeof v.version !== 'string' || !RDS_VERSION.test(v.version)) return `[${i}].version: not a major version such as "12" or "5.7"`;
    const at = `["${v.engine} ${v.version}"]`;
    if (seen.has(at)) return `${at}: duplicate version`;
    seen.add(at);
    for (const k of ['endOfStandardSupport', 'chargesFrom', 'endOfExtendedSupport'] as const) {
      if (typeof v[k] !== 'string' || !DAY.test(v[k]) || Number.isNaN(Date.parse(v[k]))) return `${at}.${k}: not a YYYY-MM-DD date`;
    }
    const [standard, charges, extended] = [v.endOfStandardSupport, v.chargesFrom, v.endOfExtendedSupport] as string[];
    if (!(standard! < charges! && charges! <= extended!)) return `${at}: dates must run end of standard support < charges from <= end of Extended Support`;
    if (!known(v.source)) return `${at}.source: unknown source ${String(v.source)}`;
  }
  return undefined;
}

const VERSION = /^1\.\d{1,3}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function kubernetesVersionsProblem(list: unknown, known: (id: unknown) => boolean): string | undefined {
  if (!Array.isArray(list)) return ': not an array';
  const seen = new Set<string>();
  for (const [i, v] of list.entries()) {
    if (!isObj(v) || typeof v.version !== 'string' || !VERSION.test(v.version)) return `[${i}].version: not a Kubernetes minor version such as "1.34"`;
    const at = `["${v.version}"]`;
    if (seen.has(v.version)) return `${at}: duplicate version`;
    seen.add(v.version);
    for (const k of ['eksRelease', 'endOfStandardSupport', 'endOfExtendedSupport'] as const) {
      if (typeof v[k] !== 'string' || !DAY.test(v[k]) || Number.isNaN(Date.parse(v[k]))) return `${at}.${k}: not a YYYY-MM-DD date`;
    }
    const [release, standard, extended] = [v.eksRelease, v.endOfStandardSupport, v.endOfExtendedSupport] as string[];
    if (!(release! < standard! && standard! < extended!)) return `${at}: dates must run release < end of standard < end of extended support`;
    if (!known(v.source)) return `${at}.source: unknown source ${String(v.source)}`;
  }
  return undefined;
}

function instanceProblem(r: unknown, known: (id: unknown) => boolean): string | undefined {
  if (!isObj(r)) return 'record: not an object';
  if (!isCount(r.vcpu) || r.vcpu === 0) return 'vcpu: not a positive integer';
  if (!isCount(r.memoryMiB) || r.memoryMiB === 0) return 'memoryMiB: not a positive integer';
  if (!isCount(r.gpus)) return 'gpus: not a count';
  if (!ARCH.has(r.arch as string)) return 'arch: not x86_64 or arm64';
  for (const k of ['maxPods', 'enis', 'ipv4PerEni'] as const) {
    if (r[k] !== null && !isCount(r[k])) return `${k}: not a count or null`;
  }
  if (typeof r.bareMetal !== 'boolean') return 'bareMetal: not a boolean';
  if (!isDecimalString(r.onDemandUsd)) return 'onDemandUsd: not a decimal string';
  const commitments = commitmentProblem(r, known);
  if (commitments) return commitments;
  if (r.spot !== undefined) {
    const sp = r.spot as Obj;
    if (!isObj(sp) || !isSpotStats(sp) || !isObj(sp.byAz) || !Object.values(sp.byAz).every(isSpotStats) || typeof sp.from !== 'string' || typeof sp.to !== 'string' || !known(sp.source)) {
      return 'spot: needs medianUsd, p90Usd, byAz, from, to and a known source';
    }
  }
  if (r.burst !== undefined) {
    const b = r.burst as Obj;
    if (!isObj(b) || typeof b.baselinePerVcpuPct !== 'number' || !(b.baselinePerVcpuPct > 0 && b.baselinePerVcpuPct <= 100) || typeof b.creditsPerHour !== 'number' || !(b.creditsPerHour > 0) || !known(b.source)) {
      return 'burst: needs baselinePerVcpuPct in (0, 100], creditsPerHour > 0 and a known source';
    }
  }
  if (r.previousGeneration !== undefined) {
    const g = r.previousGeneration as Obj;
    if (!isObj(g) || (g.status !== 'listed' && g.status !== 'indirect') || !known(g.source)) return 'previousGeneration: needs status listed or indirect and a known source';
  }
  return undefined;
}

const TERMS = new Set(['1yr', '3yr']);
const PAYMENTS = new Set(['No Upfront', 'Partial Upfront', 'All Upfront']);

/** Reserved and Savings Plans rates, on an instance type or a price dimension. */
function commitmentProblem(r: Obj, known: (id: unknown) => boolean): string | undefined {
  if (r.reserved !== undefined) {
    if (!Array.isArray(r.reserved)) return 'reserved: not an array';
    for (const t of r.reserved as unknown[]) {
      if (!isObj(t) || !TERMS.has(t.term as string) || (t.offeringClass !== 'standard' && t.offeringClass !== 'convertible') || !PAYMENTS.has(t.paymentOption as string) || !isDecimalString(t.hourlyUsd) || !isDecimalString(t.upfrontUsd) || !known(t.source)) {
        return 'reserved: a rate needs a term, offeringClass, paymentOption, hourlyUsd, upfrontUsd and a known source';
      }
    }
  }
  if (r.savingsPlans !== undefined) {
    if (!Array.isArray(r.savingsPlans)) return 'savingsPlans: not an array';
    for (const t of r.savingsPlans as unknown[]) {
      if (!isObj(t) || (t.plan !== 'compute' && t.plan !== 'ec2-instance') || !TERMS.has(t.term as string) || !PAYMENTS.has(t.paymentOption as string) || !isDecimalString(t.usd) || !known(t.source)) {
        return 'savingsPlans: a rate needs plan compute or ec2-instance, a term, paymentOption, usd and a known source';
      }
    }
  }
  return undefined;
}

function isSpotStats(s: unknown): boolean {
  return isObj(s) && isDecimalString(s.medianUsd) && isDecimalString(s.p90Usd);
}

function priceProblem(p: unknown, known: (id: unknown) => boolean): string | undefined {
  if (!isObj(p)) return 'record: not an object';
  if (!str(p.key) || !str(p.service) || !str(p.description) || !str(p.unit)) return 'key/service/description/unit: missing';
  if (!PURCHASE.has(p.purchaseOption as string)) return 'purchaseOption: unknown';
  if (!known(p.source)) return `source: unknown source ${String(p.source)}`;
  if (p.spec !== undefined) {
    const spec = p.spec as Obj;
    if (!isObj(spec) || !isCount(spec.vcpu) || typeof spec.memoryGiB !== 'number' || !(spec.memoryGiB > 0)) return 'spec: needs vcpu and memoryGiB';
    const sizing = managedSpecProblem(spec, known);
    if (sizing) return sizing;
    if (spec.maxEbsBandwidthMbps !== undefined && !(typeof spec.maxEbsBandwidthMbps === 'number' && spec.maxEbsBandwidthMbps > 0)) return 'spec: maxEbsBandwidthMbps must be a positive number';
    if (spec.ebsBandwidthUpTo !== undefined && typeof spec.ebsBandwidthUpTo !== 'boolean') return 'spec: ebsBandwidthUpTo must be a boolean';
    if (spec.ebsSource !== undefined && !known(spec.ebsSource)) return `spec: unknown source ${String(spec.ebsSource)}`;
  }
  const commitments = commitmentProblem(p, known);
  if (commitments) return commitments;
  const hasFlat = p.usd !== undefined;
  const hasTiers = p.tiers !== undefined;
  if (hasFlat === hasTiers) return 'usd/tiers: exactly one of them is required';
  if (hasFlat && !isDecimalString(p.usd)) return 'usd: not a decimal string';
  if (hasTiers) {
    const tiers = p.tiers;
    if (!Array.isArray(tiers) || tiers.length === 0) return 'tiers: empty';
    let last = -1;
    for (const [i, t] of tiers.entries()) {
      if (!isObj(t) || !isDecimalString(t.usd)) return `tiers[${i}].usd: not a decimal string`;
      const open = t.upTo === null;
      if (open !== (i === tiers.length - 1)) return `tiers[${i}].upTo: only the last tier is open-ended`;
      if (!open) {
        if (!isDecimalString(t.upTo) || Number(t.upTo) <= last) return `tiers[${i}].upTo: not increasing`;
        last = Number(t.upTo);
      }
    }
  }
  return undefined;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** MSK broker and ElastiCache node facts attached to a class's spec. */
function managedSpecProblem(spec: Obj, known: (id: unknown) => boolean): string | undefined {
  const positive = (v: unknown) => typeof v === 'number' && v > 0;
  if (spec.broker !== undefined) {
    const b = spec.broker as Obj;
    if (!isObj(b) || (b.brokerType !== 'standard' && b.brokerType !== 'express')) return 'spec.broker.brokerType: standard or express';
    for (const k of ['networkGbps', 'ingressMBps', 'egressMBps'] as const) if (!positive(b[k])) return `spec.broker.${k}: not a positive number`;
    if (!isCount(b.recommendedPartitions) || !isCount(b.maxPartitions) || (b.maxPartitions as number) < (b.recommendedPartitions as number)) {
      return 'spec.broker: partitions need recommended <= max';
    }
    if (b.throughputBasis !== 'documented' && b.throughputBasis !== 'aws-tool') return 'spec.broker.throughputBasis: documented or aws-tool';
    if (!known(b.source)) return `spec.broker.source: unknown source ${String(b.source)}`;
  }
  if (spec.cacheNode !== undefined) {
    const c = spec.cacheNode as Obj;
    if (!isObj(c) || !str(c.networkPerformance)) return 'spec.cacheNode.networkPerformance: missing';
    if (c.baselineGbps !== undefined && !positive(c.baselineGbps)) return 'spec.cacheNode.baselineGbps: not a positive number';
    if (c.enhancedIo !== undefined && typeof c.enhancedIo !== 'boolean') return 'spec.cacheNode.enhancedIo: not a boolean';
    if (!known(c.source)) return `spec.cacheNode.source: unknown source ${String(c.source)}`;
  }
  return undefined;
}
