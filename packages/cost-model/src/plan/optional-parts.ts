import type { BomResource } from '../bom/bill-of-materials.js';
import type { SupportPlanName } from '../bom/resources/support-plan.js';
import type { PriceBook } from '../pricing/price-book.js';
import type { InterfaceEndpointService, PartsSpec, Profile } from '../profiles/profile-types.js';
import type { StoragePlan } from '../storage/storage-types.js';
import type { Assumption } from '../workload/assumptions.js';
import type { Demand } from '../workload/demand.js';
import { PLAN_DEFAULTS, planAssumption, type PlanDefaultKey } from './plan-assumptions.js';
import { numberText } from '../number-text.js';

const BYTES_PER_GB = 1024 ** 3;

/** The interface endpoints a private cluster needs to pull images, ship logs and assume roles without NAT. */
export const DEFAULT_INTERFACE_ENDPOINTS: readonly InterfaceEndpointService[] = ['ecr.api', 'ecr.dkr', 'logs', 'sts', 'secretsmanager'];

/** A caller's parts: each key replaces the profile's; `false` turns a part the profile has off. */
export type PartsOverride = { readonly [K in keyof PartsSpec]?: PartsSpec[K] | false };

/** The profile's parts with the caller's override applied. */
export function resolveParts(profile: Profile, override: PartsOverride = {}): PartsSpec {
  const out: Record<string, unknown> = { ...(profile.parts ?? {}) };
  for (const [key, value] of Object.entries(override)) {
    if (value === false || value === undefined) delete out[key];
    else out[key] = value;
  }
  if (out.support === 'basic') delete out.support;
  return out as PartsSpec;
}

export interface PartsInput {
  readonly parts: PartsSpec;
  readonly demand: Demand;
  readonly storage: StoragePlan;
  readonly azs: number;
  readonly daysPerMonth: number;
  readonly book: PriceBook;
  readonly hasLoadBalancer: boolean;
}

/** What the parts did to the plan, for its readers: what each part is sized by. */
export interface PartsPlan {
  readonly cdn?: { readonly dataOutGb: number; readonly httpsRequests: number; readonly why: string };
  readonly waf?: { readonly rules: number; readonly requests: number; readonly on: 'cloudfront' | 'alb' };
  readonly backups?: { readonly retentionDays: number; readonly rdsStoredGb?: number; readonly rdsFreeGb?: number; readonly snapshotGb?: number };
  readonly vpcEndpoints?: { readonly interface: readonly InterfaceEndpointService[]; readonly s3Gateway: boolean; readonly natGbRemoved: number; readonly why: string };
  readonly support?: SupportPlanName;
}

/**
 * The parts → bill-of-materials changes: new resources, and the NAT and internet bytes they take
 * over (a CDN carries the internet egress, endpoints carry AWS-service traffic off NAT).
 */
export function applyParts(resources: readonly BomResource[], i: PartsInput): { resources: BomResource[]; plan: PartsPlan; assumptions: Assumption[] } {
  const { parts, demand } = i;
  const used: { key: PlanDefaultKey; value: number }[] = [];
  const pick = (key: PlanDefaultKey, given: number | undefined): number => {
    const value = given ?? PLAN_DEFAULTS[key].value;
    used.push({ key, value });
    return value;
  };
  const requestsPerMonth = demand.requestsPerDay * i.daysPerMonth;
  let out = [...resources];
  const plan: { -readonly [K in keyof PartsPlan]: PartsPlan[K] } = {};

  let cdnRequests = 0;
  if (parts.cdn) {
    const staticKiB = pick('cdnStaticKiBPerRequest', parts.cdn.staticKiBPerRequest);
    const staticRequests = pick('cdnStaticRequestsPerRequest', parts.cdn.staticRequestsPerRequest);
    const staticGb = (requestsPerMonth * staticKiB * 1024) / BYTES_PER_GB;
    const dataOutGb = demand.egressGbPerMonth + staticGb;
    cdnRequests = requestsPerMonth * (1 + staticRequests);
    const freeGb = i.book.allowance('cloudfront/data-transfer-out/free-gb')?.quantity;
    const freeRequests = i.book.allowance('cloudfront/requests/free')?.quantity;
    out.push({ type: 'cloudfront_distribution', name: 'cdn', dataOutGb, httpsRequests: cdnRequests, ...(freeGb ? { freeDataOutGb: freeGb } : {}), ...(freeRequests ? { freeRequests } : {}) });
    // The API's responses now leave through CloudFront; the origin's bytes to CloudFront are free.
    out = out.map((r) => (r.type === 'data_transfer' ? withoutInternetOut(r) : r));
    plan.cdn = { dataOutGb, httpsRequests: cdnRequests, why: `API egress ${fmt(demand.egressGbPerMonth)} GB + static assets ${fmt(staticGb)} GB (${staticKiB} KiB per API request); ${staticRequests} static request(s) per API request` };
  }

  if (parts.waf) {
    const rules = pick('wafRules', parts.waf.rules);
    const on = parts.cdn ? 'cloudfront' : 'alb';
    const requests = on === 'cloudfront' ? cdnRequests : requestsPerMonth;
    if (on === 'cloudfront' || i.hasLoadBalancer) {
      out.push({ type: 'waf_web_acl', name: on === 'cloudfront' ? 'waf on cdn' : 'waf on alb', rules, requests });
      plan.waf = { rules, requests, on };
    }
  }

  if (parts.backups) {
    const retentionDays = pick('backupRetentionDays', parts.backups.retentionDays);
    const changed = pick('backupDailyChangedShare', parts.backups.dailyChangedShare);
    const kept = (gb: number) => gb * (1 + changed * retentionDays);
    const backups: { -readonly [K in keyof NonNullable<PartsPlan['backups']>]: NonNullable<PartsPlan['backups']>[K] } = { retentionDays };
    const db = i.storage.database;
    if (db) {
      const freeShare = i.book.allowance('rds/backup-storage/free-share')?.quantity ?? 0;
      const storedGb = kept(demand.databaseGb);
      const freeGb = db.storageGb * db.instances * freeShare;
      out.push({ type: 'rds_backup', name: 'database backups', storedGb, freeGb });
      backups.rdsStoredGb = storedGb;
      backups.rdsFreeGb = freeGb;
    }
    if (parts.backups.ebsSnapshots !== false) {
      const volumes = [...i.storage.persistentVolumes.map((v) => v.sizeGb * v.count), ...resources.filter((r) => r.type === 'ebs_volume' && r.name === 'jenkins home').map((r) => (r.type === 'ebs_volume' ? r.sizeGb * (r.count ?? 1) : 0))];
      const provisioned = volumes.reduce((a, b) => a + b, 0);
      if (provisioned > 0) {
        backups.snapshotGb = kept(provisioned);
        out.push({ type: 'ebs_snapshot', name: 'volume snapshots', sizeGb: backups.snapshotGb });
      }
    }
    plan.backups = backups;
  }

  if (parts.vpcEndpoints) {
    const services = parts.vpcEndpoints.interface ?? DEFAULT_INTERFACE_ENDPOINTS;
    const s3Gateway = parts.vpcEndpoints.s3Gateway ?? true;
    const nat = out.find((r) => r.type === 'nat_gateway');
    const natGb = nat?.type === 'nat_gateway' ? (nat.dataProcessedGb ?? 0) : 0;
    const toS3 = s3Gateway ? natGb * pick('natShareToS3', undefined) : 0;
    const toApis = services.length ? natGb * pick('natShareToAwsApis', undefined) : 0;
    if (services.length) out.push({ type: 'vpc_endpoint', name: 'interface endpoints', interfaceEndpoints: services.length, azs: i.azs, ...(toApis > 0 ? { dataProcessedGb: toApis } : {}) });
    out = out.map((r) => (r.type === 'nat_gateway' ? { ...r, dataProcessedGb: Math.max(0, natGb - toS3 - toApis) } : r));
    plan.vpcEndpoints = {
      interface: services,
      s3Gateway,
      natGbRemoved: toS3 + toApis,
      why: `${fmt(toS3)} GB to S3 through the gateway endpoint (free), ${fmt(toApis)} GB to ${services.join(', ') || 'no service'} through interface endpoints in ${i.azs} AZ(s)`,
    };
  }

  const assumptions = used.map(({ key, value }) => planAssumption(key, value));
  if (parts.support && parts.support !== 'basic') plan.support = parts.support;
  return { resources: out, plan, assumptions };
}

function withoutInternetOut(r: Extract<BomResource, { type: 'data_transfer' }>): BomResource {
  const { internetOutGb: _out, applyFreeAllowanceGb: _free, ...rest } = r;
  return rest;
}

const fmt = (n: number) => numberText(n, { maximumFractionDigits: 1 });
