import type { CommitmentTerm, PaymentOption, SavingsPlanRate } from '@tier-planner/cost-model';
import { isPlainDecimal, normalizeDecimal } from '../decimal.js';
import { baseUsageType } from '../price-list-item.js';
import type { SavingsPlanOfferSink } from './offer-sink.js';
import { fargateSavingsPlanUsage } from './fargate-usage.js';

// Reads a Savings Plans offer file (AWS Billing user guide, "Reading the service price list file
// for a Savings Plan"): `products` say which plan a SKU is (productFamily, purchaseOption,
// purchaseTerm); each `terms.savingsPlan` entry lists that plan's `rates`, one per discounted
// on-demand usage (discountedUsageType, discountedOperation, discountedRate.price). Only the rates
// the snapshot writes are kept: Linux/UNIX shared-tenancy EC2 hours and Fargate vCPU/GB hours in
// this one region, so a file of any size costs a few thousand small records.

const PLAN_FAMILIES: Readonly<Record<string, SavingsPlanRate['plan']>> = {
  ComputeSavingsPlans: 'compute',
  EC2InstanceSavingsPlans: 'ec2-instance',
};
const PAYMENTS: readonly PaymentOption[] = ['No Upfront', 'Partial Upfront', 'All Upfront'];
const TERMS: Readonly<Record<string, CommitmentTerm>> = { '1': '1yr', '3': '3yr', '1yr': '1yr', '3yr': '3yr' };
/** Linux/UNIX is the bare RunInstances operation; Windows, RHEL, SUSE … add a ":00xx" code. */
const LINUX_OPERATION = 'RunInstances';
const BOX_USAGE = /^BoxUsage:([a-z0-9-]+\.[a-z0-9-]+)$/;

interface PlanProduct {
  readonly plan: SavingsPlanRate['plan'];
  readonly term?: CommitmentTerm;
  readonly paymentOption: PaymentOption;
}

/** A kept rate, before its plan's product is known (terms may come before products). */
interface RawRate {
  readonly target: { readonly kind: 'instance' | 'dimension'; readonly name: string };
  readonly usd: string;
  readonly operation: string;
}

export interface SavingsPlanRates {
  /** EC2 instance type → its rates, Compute and EC2 Instance, every term and payment option found. */
  readonly byInstanceType: ReadonlyMap<string, readonly SavingsPlanRate[]>;
  /** Snapshot dimension key (Fargate) → its Compute Savings Plans rates. */
  readonly byDimensionKey: ReadonlyMap<string, readonly SavingsPlanRate[]>;
  /** Entries set aside, counted by reason ("3 rates of plans not in the file's products"). */
  readonly skipped: Readonly<Record<string, number>>;
  /** Usages refused because one plan gave them several different rates, with the rates seen. */
  readonly ambiguous: readonly { readonly target: string; readonly reason: string }[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export interface SavingsPlanCollectorOptions {
  /** Region whose rates are kept, e.g. "eu-west-1". */
  readonly region: string;
  /** Id into the snapshot's `sources` every rate names. */
  readonly sourceId: string;
}

/** Collects one region's Savings Plans rates from offer-file entries pushed one at a time. */
export class SavingsPlanCollector implements SavingsPlanOfferSink {
  readonly #region: string;
  readonly #sourceId: string;
  readonly #fargate: ReadonlyMap<string, string>;
  readonly #plans = new Map<string, PlanProduct>();
  /** Plan SKU → its term length (from the term entry) and kept rates. */
  readonly #terms = new Map<string, { term?: CommitmentTerm; rates: RawRate[] }>();
  readonly #skipped: Record<string, number> = {};

  constructor({ region, sourceId }: SavingsPlanCollectorOptions) {
    this.#region = region;
    this.#sourceId = sourceId;
    this.#fargate = fargateSavingsPlanUsage();
  }

  product(value: unknown): void {
    if (!isObj(value)) return this.#skip('products that are not objects');
    const sku = str(value.sku);
    const attributes = isObj(value.attributes) ? value.attributes : {};
    const plan = PLAN_FAMILIES[str(value.productFamily) ?? str(attributes.productFamily) ?? ''];
    if (!sku || !plan) return this.#skip('products that are not Compute or EC2 Instance Savings Plans');
    const paymentOption = PAYMENTS.find((p) => p === attributes.purchaseOption);
    if (!paymentOption) return this.#skip('plans with an unknown purchase option');
    const term = TERMS[str(attributes.purchaseTerm) ?? ''];
    this.#plans.set(sku, { plan, paymentOption, ...(term ? { term } : {}) });
  }

  term(value: unknown): void {
    if (!isObj(value)) return this.#skip('terms that are not objects');
    const sku = str(value.sku);
    if (!sku || !Array.isArray(value.rates)) return this.#skip('terms without a SKU or rates');
    const length = isObj(value.leaseContractLength) ? value.leaseContractLength : {};
    const unit = str(length.unit);
    const term = unit === undefined || /^years?$/i.test(unit) ? TERMS[String(length.duration ?? '')] : undefined;
    const kept = this.#terms.get(sku) ?? { rates: [] };
    if (term) kept.term = term;
    for (const rate of value.rates) {
      const raw = this.#rateOf(rate);
      if (typeof raw === 'string') this.#skip(raw);
      else kept.rates.push(raw);
    }
    this.#terms.set(sku, kept);
  }

  /** The rates kept so far, grouped and sorted; call once the whole file has been read. */
  result(): SavingsPlanRates {
    const groups = new Map<string, { target: RawRate['target']; rate: Omit<SavingsPlanRate, 'usd'>; seen: Map<string, string[]> }>();
    for (const [sku, { term: termLength, rates }] of this.#terms) {
      const product = this.#plans.get(sku);
      if (!product) {
        this.#skip('rates of plans not in the file\'s products', rates.length);
        continue;
      }
      const term = termLength ?? product.term;
      if (!term || (product.term && termLength && product.term !== termLength)) {
        this.#skip('rates of plans whose term length is unknown or contradicts the product', rates.length);
        continue;
      }
      for (const raw of rates) {
        // Fargate is covered by Compute Savings Plans only.
        if (raw.target.kind === 'dimension' && product.plan !== 'compute') {
          this.#skip('Fargate rates of plans other than Compute Savings Plans');
          continue;
        }
        const id = `${raw.target.kind}|${raw.target.name}|${product.plan}|${term}|${product.paymentOption}`;
        const group = groups.get(id) ?? { target: raw.target, rate: { plan: product.plan, term, paymentOption: product.paymentOption, source: this.#sourceId, sku }, seen: new Map() };
        group.seen.set(raw.usd, [...(group.seen.get(raw.usd) ?? []), raw.operation]);
        groups.set(id, group);
      }
    }
    const byInstanceType = new Map<string, SavingsPlanRate[]>();
    const byDimensionKey = new Map<string, SavingsPlanRate[]>();
    const ambiguous: { target: string; reason: string }[] = [];
    for (const { target, rate, seen } of groups.values()) {
      if (seen.size > 1) {
        // Never pick one of several rates for the same usage: the usage stays without this plan.
        const list = [...seen.keys()].sort().join(', ');
        ambiguous.push({ target: target.name, reason: `${rate.plan} ${rate.term} ${rate.paymentOption} Savings Plan lists ${seen.size} different rates (${list} USD)` });
        continue;
      }
      const out = target.kind === 'instance' ? byInstanceType : byDimensionKey;
      out.set(target.name, [...(out.get(target.name) ?? []), { ...rate, usd: [...seen.keys()][0]! }]);
    }
    for (const list of [...byInstanceType.values(), ...byDimensionKey.values()]) list.sort(compareRates);
    return { byInstanceType, byDimensionKey, skipped: { ...this.#skipped }, ambiguous };
  }

  #rateOf(rate: unknown): RawRate | string {
    if (!isObj(rate)) return 'rates that are not objects';
    const regionCode = str(rate.discountedRegionCode);
    // Region files also list the region's Local and Wavelength Zones under their own region codes.
    if (regionCode !== undefined && regionCode !== this.#region) return 'rates of other regions or zones';
    const usageType = baseUsageType(str(rate.discountedUsageType));
    const operation = str(rate.discountedOperation) ?? '';
    const service = str(rate.discountedServiceCode);
    let target: RawRate['target'] | undefined;
    const box = BOX_USAGE.exec(usageType);
    if (service === 'AmazonEC2' && box) {
      if (operation !== LINUX_OPERATION) return 'EC2 rates for other operating systems or licences';
      const declared = str(rate.discountedInstanceType);
      if (declared !== undefined && declared !== box[1]) return 'EC2 rates whose instance type contradicts their usage type';
      target = { kind: 'instance', name: box[1]! };
    } else if (service === 'AmazonECS' && this.#fargate.has(usageType)) {
      target = { kind: 'dimension', name: this.#fargate.get(usageType)! };
    } else {
      return service === 'AmazonEC2' ? 'EC2 rates for other usage (dedicated, hosts, other tenancy)' : 'rates for usage the snapshot does not price';
    }
    const price = isObj(rate.discountedRate) ? rate.discountedRate : {};
    if (price.currency !== undefined && price.currency !== 'USD') return 'rates not in USD';
    if (!isPlainDecimal(price.price)) return 'rates without a plain decimal price';
    return { target, usd: normalizeDecimal(price.price), operation };
  }

  #skip(reason: string, n = 1): void {
    this.#skipped[reason] = (this.#skipped[reason] ?? 0) + n;
  }
}

const PLAN_ORDER = ['compute', 'ec2-instance'];
const rank = (r: SavingsPlanRate): string => `${PLAN_ORDER.indexOf(r.plan)}|${r.term}|${PAYMENTS.indexOf(r.paymentOption)}`;
const compareRates = (a: SavingsPlanRate, b: SavingsPlanRate): number => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0);
