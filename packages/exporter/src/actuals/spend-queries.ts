import type { Expression, GroupDefinition } from '@aws-sdk/client-cost-explorer';
import type { SpendMatch } from '../config/config-types.js';
import type { LoadedPlan } from '../plans/loaded-plan.js';
import { EC2_OTHER, ec2OtherService, modelService } from './service-map.js';

/**
 * One GetCostAndUsage (with its pages) that serves several plans at once: grouped by the match
 * key (tag value or linked account) and by SERVICE, so N tag-matched plans cost one request, not N.
 */
export interface SpendQuery {
  readonly id: string;
  /** Queries of one bucket serve the same plans; their results are published together. */
  readonly bucket: string;
  readonly groupBy: GroupDefinition[];
  readonly filter?: Expression;
  /** Plans whose spend this query reports. */
  readonly plans: readonly string[];
  /** The plans a result group belongs to, from the group's first key ([] = not ours). */
  plansFor(keys: readonly string[]): readonly string[];
  /** The model service a result group counts towards; undefined = counted by another query. */
  serviceFor(keys: readonly string[]): string | undefined;
}

/** One GetCostForecast, shared by plans that match spend the same way. */
export interface ForecastQuery {
  readonly id: string;
  readonly filter?: Expression;
  readonly plans: readonly string[];
}

const serviceFilter = (services: string[]): Expression => ({ Dimensions: { Key: 'SERVICE', Values: services } });
const both = (a: Expression | undefined, b: Expression): Expression => (a ? { And: [a, b] } : b);

function matchFilter(match: SpendMatch, values: string[]): Expression | undefined {
  if (match.kind === 'tag') return { Tags: { Key: match.key, Values: values, MatchOptions: ['EQUALS'] } };
  if (match.kind === 'linkedAccount') return { Dimensions: { Key: 'LINKED_ACCOUNT', Values: values } };
  return undefined;
}

const matchValue = (m: SpendMatch): string => (m.kind === 'tag' ? m.value : m.kind === 'linkedAccount' ? m.accountId : '');

/** Plans grouped by how their spend is found: one bucket per tag key, one for accounts, one for the whole bill. */
function buckets(plans: readonly LoadedPlan[]): Map<string, { match: SpendMatch; plans: LoadedPlan[] }> {
  const out = new Map<string, { match: SpendMatch; plans: LoadedPlan[] }>();
  for (const p of plans) {
    const id = p.match.kind === 'tag' ? `tag:${p.match.key}` : p.match.kind;
    const bucket = out.get(id) ?? { match: p.match, plans: [] };
    bucket.plans.push(p);
    out.set(id, bucket);
  }
  return out;
}

export function spendQueries(plans: readonly LoadedPlan[], splitEc2Other: boolean): SpendQuery[] {
  const queries: SpendQuery[] = [];
  for (const [id, { match, plans: members }] of buckets(plans)) {
    const values = [...new Set(members.map((p) => matchValue(p.match)))];
    const names = members.map((p) => p.name);
    const first: GroupDefinition | undefined =
      match.kind === 'tag' ? { Type: 'TAG', Key: match.key } : match.kind === 'linkedAccount' ? { Type: 'DIMENSION', Key: 'LINKED_ACCOUNT' } : undefined;
    // A TAG group key comes back as "<key>$<value>"; untagged spend as "<key>$".
    const ownerValue = (keys: readonly string[]) => (match.kind === 'tag' ? keys[0]!.slice(match.key.length + 1) : keys[0]!);
    const plansFor = first ? (keys: readonly string[]) => members.filter((p) => matchValue(p.match) === ownerValue(keys)).map((p) => p.name) : () => names;
    const last = (keys: readonly string[]) => keys[keys.length - 1]!;
    const filter = matchFilter(match, values);
    queries.push({
      id: `${id}:service`,
      bucket: id,
      groupBy: [...(first ? [first] : []), { Type: 'DIMENSION', Key: 'SERVICE' }],
      ...(filter ? { filter } : {}),
      plans: names,
      plansFor,
      serviceFor: (keys) => (splitEc2Other && last(keys) === EC2_OTHER ? undefined : modelService(last(keys))),
    });
    if (splitEc2Other) {
      queries.push({
        id: `${id}:ec2-other`,
        bucket: id,
        groupBy: [...(first ? [first] : []), { Type: 'DIMENSION', Key: 'USAGE_TYPE' }],
        filter: both(filter, serviceFilter([EC2_OTHER])),
        plans: names,
        plansFor,
        serviceFor: (keys) => ec2OtherService(last(keys)),
      });
    }
  }
  return queries;
}

export function forecastQueries(plans: readonly LoadedPlan[]): ForecastQuery[] {
  const byFilter = new Map<string, { filter: Expression | undefined; plans: string[] }>();
  for (const p of plans) {
    const filter = matchFilter(p.match, [matchValue(p.match)]);
    const id = JSON.stringify(filter ?? 'account');
    const entry = byFilter.get(id) ?? { filter, plans: [] };
    entry.plans.push(p.name);
    byFilter.set(id, entry);
  }
  return [...byFilter.values()].map((e) => ({ id: `forecast:${e.plans[0]}`, ...(e.filter ? { filter: e.filter } : {}), plans: e.plans }));
}
