import { isPlainDecimal, normalizeDecimal } from './decimal.js';
import { RefreshError } from './refresh-error.js';

// One element of GetProducts' PriceList, checked once on arrival so the rest of the refresh can
// trust its shape. Only the fields the refresh reads are typed.

export interface PriceDimensionRaw {
  readonly unit: string;
  readonly description?: string;
  readonly beginRange?: string;
  readonly endRange?: string;
  /** Normalized decimal string. */
  readonly usd: string;
}

export interface PriceTerm {
  readonly effectiveDate?: string;
  readonly termAttributes: Readonly<Record<string, string>>;
  readonly dimensions: readonly PriceDimensionRaw[];
}

export interface PriceListItem {
  readonly serviceCode: string;
  readonly sku: string;
  readonly productFamily: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly onDemand: readonly PriceTerm[];
  readonly reserved: readonly PriceTerm[];
  /** YYYY-MM-DD of the item's publicationDate, when the API sent one. */
  readonly publishedOn?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses one PriceList entry (a JSON string, or an object already parsed). Throws MALFORMED_ITEM naming the SKU and the fault. */
export function parsePriceListItem(raw: unknown, serviceCode: string): PriceListItem {
  let data: unknown = raw;
  // The SDK hands over JSON strings (String objects, parsed lazily); the bulk reader, parsed objects.
  if (!isObj(raw) || raw instanceof String) {
    const text = typeof raw === 'string' || raw instanceof String ? String(raw) : JSON.stringify(raw);
    try {
      data = JSON.parse(text);
    } catch {
      throw malformed(serviceCode, undefined, `is not valid JSON (starts "${text.slice(0, 40)}")`);
    }
  }
  if (!isObj(data)) throw malformed(serviceCode, undefined, 'has no "product" object');
  const product = parseProduct(data.product, serviceCode);
  const terms = data.terms === undefined ? {} : data.terms;
  if (!isObj(terms)) throw malformed(serviceCode, product.sku, '"terms" is not an object');
  return withTerms(product, parseTerms(terms.OnDemand, serviceCode, product.sku, 'OnDemand'), parseTerms(terms.Reserved, serviceCode, product.sku, 'Reserved'), data.publicationDate);
}

export type PriceListProduct = Pick<PriceListItem, 'serviceCode' | 'sku' | 'productFamily' | 'attributes'>;

/** An item's `product` object: SKU, product family and string attributes. */
export function parseProduct(value: unknown, serviceCode: string): PriceListProduct {
  if (!isObj(value)) throw malformed(serviceCode, undefined, 'has no "product" object');
  const sku = typeof value.sku === 'string' && value.sku ? value.sku : undefined;
  if (!sku) throw malformed(serviceCode, undefined, 'has no product.sku');
  if (!isObj(value.attributes)) throw malformed(serviceCode, sku, 'has no product.attributes object');
  const attributes: Record<string, string> = {};
  for (const [k, v] of Object.entries(value.attributes)) if (typeof v === 'string') attributes[k] = v;
  return { serviceCode, sku, productFamily: typeof value.productFamily === 'string' ? value.productFamily : '', attributes };
}

/** A product with its parsed terms (the bulk reader parses each term group as it arrives). */
export function withTerms(product: PriceListProduct, onDemand: readonly PriceTerm[], reserved: readonly PriceTerm[], publicationDate: unknown): PriceListItem {
  return {
    ...product,
    onDemand,
    reserved,
    ...(typeof publicationDate === 'string' && /^\d{4}-\d{2}-\d{2}/.test(publicationDate) ? { publishedOn: publicationDate.slice(0, 10) } : {}),
  };
}

/** One `terms.OnDemand` or `terms.Reserved` object (offer term code → term). */
export function parseTerms(value: unknown, serviceCode: string, sku: string, kind: string): PriceTerm[] {
  if (value === undefined) return [];
  if (!isObj(value)) throw malformed(serviceCode, sku, `terms.${kind} is not an object`);
  return Object.entries(value).map(([code, term]) => {
    if (!isObj(term) || !isObj(term.priceDimensions)) throw malformed(serviceCode, sku, `terms.${kind}["${code}"] has no priceDimensions`);
    const termAttributes: Record<string, string> = {};
    if (isObj(term.termAttributes)) for (const [k, v] of Object.entries(term.termAttributes)) if (typeof v === 'string') termAttributes[k] = v;
    const dimensions = Object.entries(term.priceDimensions).map(([rate, dim]) => parseDimension(dim, serviceCode, sku, rate));
    return { ...(typeof term.effectiveDate === 'string' ? { effectiveDate: term.effectiveDate } : {}), termAttributes, dimensions };
  });
}

function parseDimension(dim: unknown, serviceCode: string, sku: string, rate: string): PriceDimensionRaw {
  if (!isObj(dim) || !isObj(dim.pricePerUnit)) throw malformed(serviceCode, sku, `price dimension ${rate} has no pricePerUnit`);
  const usd = dim.pricePerUnit.USD;
  if (!isPlainDecimal(usd)) throw malformed(serviceCode, sku, `price dimension ${rate} has pricePerUnit.USD ${JSON.stringify(usd)}, not a plain decimal`);
  for (const bound of ['beginRange', 'endRange'] as const) {
    const v = dim[bound];
    if (v !== undefined && !(v === 'Inf' || isPlainDecimal(v))) throw malformed(serviceCode, sku, `price dimension ${rate} has ${bound} ${JSON.stringify(v)}`);
  }
  return {
    unit: typeof dim.unit === 'string' ? dim.unit : '',
    usd: normalizeDecimal(usd),
    ...(typeof dim.description === 'string' ? { description: dim.description } : {}),
    ...(typeof dim.beginRange === 'string' ? { beginRange: dim.beginRange } : {}),
    ...(typeof dim.endRange === 'string' ? { endRange: dim.endRange } : {}),
  };
}

function malformed(serviceCode: string, sku: string | undefined, what: string): RefreshError {
  return new RefreshError('MALFORMED_ITEM', `Price List item ${sku ? `SKU ${sku}` : '(no SKU)'} from ${serviceCode} ${what}; nothing was written`);
}

/** The item's on-demand price dimensions, lowest range first. Empty when it has no OnDemand term. */
export function onDemandDimensions(item: PriceListItem): readonly PriceDimensionRaw[] {
  const dims = item.onDemand.flatMap((t) => t.dimensions);
  return [...dims].sort((a, b) => rangeStart(a) - rangeStart(b));
}

/** Range bounds are quantities, not money: a number is fine for ordering them. */
export const rangeStart = (d: PriceDimensionRaw): number => (d.beginRange === undefined ? 0 : Number(d.beginRange));

const REGION_PREFIX = /^(?:[A-Z]{2,4}\d|EU|[a-z]{2}(?:-[a-z]+)+-\d)-/;

/**
 * The usage type without its region prefix: "USE1-AmazonEKS-Hours:perCluster", "EU-LCUUsage" and
 * "us-east-1-KMS-Keys" become "AmazonEKS-Hours:perCluster", "LCUUsage", "KMS-Keys". Names such as
 * "DNS-Queries" or "TS-LoadBalancerUsage" keep their first word (no digit, not a region).
 */
export function baseUsageType(usagetype: string | undefined): string {
  return (usagetype ?? '').replace(REGION_PREFIX, '');
}
