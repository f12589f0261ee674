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

/** Parses one PriceList entry (a JSON string). Throws MALFORMED_ITEM naming the SKU and the fault. */
export function parsePriceListItem(raw: unknown, serviceCode: string): PriceListItem {
  const text = typeof raw === 'string' || raw instanceof String ? String(raw) : JSON.stringify(raw);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw malformed(serviceCode, undefined, `is not valid JSON (starts "${text.slice(0, 40)}")`);
  }
  if (!isObj(data) || !isObj(data.product)) throw malformed(serviceCode, undefined, 'has no "product" object');
  const product = data.product;
  const sku = typeof product.sku === 'string' && product.sku ? product.sku : undefined;
  if (!sku) throw malformed(serviceCode, undefined, 'has no product.sku');
  if (!isObj(product.attributes)) throw malformed(serviceCode, sku, 'has no product.attributes object');
  const attributes: Record<string, string> = {};
  for (const [k, v] of Object.entries(product.attributes)) if (typeof v === 'string') attributes[k] = v;
  const terms = data.terms === undefined ? {} : data.terms;
  if (!isObj(terms)) throw malformed(serviceCode, sku, '"terms" is not an object');
  return {
    serviceCode,
    sku,
    productFamily: typeof product.productFamily === 'string' ? product.productFamily : '',
    attributes,
    onDemand: parseTerms(terms.OnDemand, serviceCode, sku, 'OnDemand'),
    reserved: parseTerms(terms.Reserved, serviceCode, sku, 'Reserved'),
    ...(typeof data.publicationDate === 'string' && /^\d{4}-\d{2}-\d{2}/.test(data.publicationDate)
      ? { publishedOn: data.publicationDate.slice(0, 10) }
      : {}),
  };
}

function parseTerms(value: unknown, serviceCode: string, sku: string, kind: string): PriceTerm[] {
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
