import { parsePriceListItem, parseProduct, parseTerms, withTerms, type PriceListItem, type PriceTerm } from '../price-list-item.js';
import type { ProductQuery } from '../service-definition.js';
import { csvAttributeName } from './csv-columns.js';
import { CsvRowStream, ownString } from './csv-rows.js';
import { JsonValueStream } from './json-values.js';

// Reads one per-region offer file (JSON or CSV) as it streams in, keeps only the products some
// service definition asks for (the same TERM_MATCH filters GetProducts gets), joins their terms by
// SKU and hands back PriceListItems, parsed by the very code that parses GetProducts answers.

interface RawProduct {
  readonly sku: string;
  readonly productFamily?: string;
  readonly attributes: Record<string, string>;
}

type Terms = Record<string, Record<string, unknown>>;

/** TERM_MATCH as GetProducts applies it: productFamily is a product field, every other field an attribute. */
export function productFilter(queries: readonly ProductQuery[]): (product: RawProduct) => boolean {
  const filters = queries.map((q) => Object.entries(q.filters));
  return (product) =>
    filters.some((fields) => fields.every(([field, value]) => (field === 'productFamily' ? product.productFamily === value : product.attributes[field] === value)));
}

export interface OfferReader {
  write(chunk: Buffer): void;
  end(): void;
  /** Rows read so far: products and terms (JSON) or lines (CSV). */
  readonly rows: number;
  items(): PriceListItem[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** CSV lines build raw terms (offer term code → term) per SKU and type, parsed at the end. */
class CsvKept {
  protected readonly products = new Map<string, RawProduct>();
  protected readonly terms = new Map<string, Terms>();
  protected publicationDate: string | undefined;

  constructor(
    protected readonly serviceCode: string,
    protected readonly keep: (product: RawProduct) => boolean,
  ) {}

  /** Parsed as GetProducts answers are; each raw product is let go once parsed. */
  items(): PriceListItem[] {
    const items: PriceListItem[] = [];
    for (const [sku, product] of this.products) {
      items.push(parsePriceListItem({ product, terms: this.terms.get(sku) ?? {}, ...(this.publicationDate ? { publicationDate: this.publicationDate } : {}) }, this.serviceCode));
      this.terms.delete(sku);
    }
    this.products.clear();
    return items;
  }
}

/**
 * JSON: `products` (an object keyed by SKU) comes before `terms.<type>.<sku>`. Each kept term group
 * is parsed as it arrives (the parsed form is a fraction of the raw one), so memory is the kept
 * products and their parsed terms, whatever the file size.
 */
export class JsonOfferReader implements OfferReader {
  private readonly products = new Map<string, RawProduct>();
  private readonly terms = new Map<string, { onDemand: PriceTerm[]; reserved: PriceTerm[] }>();
  private publicationDate: string | undefined;
  private count = 0;
  private readonly stream = new JsonValueStream([
    {
      path: ['publicationDate'],
      onValue: (v) => {
        if (typeof v === 'string') this.publicationDate = v;
      },
    },
    {
      path: ['products', '*'],
      onValue: (v) => {
        this.count += 1;
        if (!isObj(v) || typeof v.sku !== 'string' || !isObj(v.attributes)) return;
        const attributes: Record<string, string> = {};
        for (const [k, a] of Object.entries(v.attributes)) if (typeof a === 'string') attributes[k] = a;
        const product: RawProduct = { sku: v.sku, ...(typeof v.productFamily === 'string' ? { productFamily: v.productFamily } : {}), attributes };
        if (this.keep(product)) this.products.set(product.sku, product);
      },
    },
    {
      // Only the term types GetProducts items are read for; terms of products nobody kept are skipped unread.
      path: ['terms', '*', '*'],
      want: (keys) => {
        this.count += 1;
        return (keys[1] === 'OnDemand' || keys[1] === 'Reserved') && this.products.has(keys[2]!);
      },
      onValue: (v, keys) => {
        const sku = keys[2]!;
        const parsed = parseTerms(v, this.serviceCode, sku, keys[1]!);
        const entry = this.terms.get(sku) ?? { onDemand: [], reserved: [] };
        (keys[1] === 'OnDemand' ? entry.onDemand : entry.reserved).push(...parsed);
        this.terms.set(sku, entry);
      },
    },
  ]);

  constructor(
    private readonly serviceCode: string,
    private readonly keep: (product: RawProduct) => boolean,
  ) {}

  get rows(): number {
    return this.count;
  }

  write(chunk: Buffer): void {
    this.stream.write(chunk);
  }

  end(): void {
    this.stream.end();
  }

  items(): PriceListItem[] {
    const items: PriceListItem[] = [];
    for (const [sku, raw] of this.products) {
      const terms = this.terms.get(sku);
      items.push(withTerms(parseProduct(raw, this.serviceCode), terms?.onDemand ?? [], terms?.reserved ?? [], this.publicationDate));
      this.terms.delete(sku);
    }
    this.products.clear();
    return items;
  }
}

// The columns of a CSV offer file that describe the price rather than the product.
const PRICE_COLUMNS = new Set([
  'SKU',
  'OfferTermCode',
  'RateCode',
  'TermType',
  'PriceDescription',
  'EffectiveDate',
  'StartingRange',
  'EndingRange',
  'Unit',
  'PricePerUnit',
  'Currency',
  'RelatedTo',
  'LeaseContractLength',
  'PurchaseOption',
  'OfferingClass',
]);
const TERM_ATTRIBUTES = ['LeaseContractLength', 'OfferingClass', 'PurchaseOption'] as const;

/** CSV: five metadata lines, a header line, then one line per price dimension (any order). */
export class CsvOfferReader extends CsvKept implements OfferReader {
  private header: { price: Map<string, number>; family: number; attributes: [number, string][] } | undefined;
  private readonly stream = new CsvRowStream((fields) => this.row(fields));
  /** SKUs already turned down: their other lines skip the filter. */
  private readonly rejected = new Set<string>();

  get rows(): number {
    return this.stream.rowsRead;
  }

  write(chunk: Buffer): void {
    this.stream.write(chunk);
  }

  end(): void {
    this.stream.end();
    if (!this.header) throw new SyntaxError('the CSV has no header line (a line starting with "SKU")');
  }

  private row(fields: readonly string[]): void {
    if (!this.header) {
      if (fields[0] === 'SKU') this.header = readHeader(fields);
      else if (fields[0] === 'Publication Date' && fields[1]) this.publicationDate = fields[1];
      return;
    }
    const { price, family, attributes: columns } = this.header;
    const at = (name: string) => fields[price.get(name) ?? -1] ?? '';
    // Kept past this row: copied, so no decoded chunk stays alive through them.
    const own = (name: string) => ownString(at(name));
    const sku = ownString(at('SKU'));
    if (!sku || this.rejected.has(sku)) return;
    let product = this.products.get(sku);
    if (!product) {
      const attributes: Record<string, string> = {};
      for (const [index, name] of columns) {
        const value = fields[index];
        if (value) attributes[name] = ownString(value);
      }
      const candidate: RawProduct = { sku, ...(family >= 0 && fields[family] ? { productFamily: ownString(fields[family]!) } : {}), attributes };
      if (!this.keep(candidate)) {
        this.rejected.add(sku);
        return;
      }
      product = candidate;
      this.products.set(sku, product);
    }
    const termType = own('TermType');
    const offerTermCode = own('OfferTermCode');
    const rateCode = own('RateCode');
    if (!termType || !offerTermCode || !rateCode) throw new SyntaxError(`CSV line for SKU ${sku} has no TermType, OfferTermCode or RateCode`);
    const byType = this.terms.get(sku) ?? {};
    const terms = (byType[termType] ??= {});
    const termKey = `${sku}.${offerTermCode}`;
    const termAttributes: Record<string, string> = {};
    for (const name of TERM_ATTRIBUTES) if (at(name)) termAttributes[name] = own(name);
    const term = (terms[termKey] ??= {
      offerTermCode,
      sku,
      ...(at('EffectiveDate') ? { effectiveDate: own('EffectiveDate') } : {}),
      termAttributes,
      priceDimensions: {},
    }) as { priceDimensions: Record<string, unknown> };
    term.priceDimensions[rateCode] = {
      rateCode,
      unit: own('Unit'),
      ...(at('PriceDescription') ? { description: own('PriceDescription') } : {}),
      ...(at('StartingRange') ? { beginRange: own('StartingRange') } : {}),
      ...(at('EndingRange') ? { endRange: own('EndingRange') } : {}),
      pricePerUnit: { [at('Currency') || 'USD']: own('PricePerUnit') },
    };
    this.terms.set(sku, byType);
  }
}

function readHeader(fields: readonly string[]) {
  const price = new Map<string, number>();
  const attributes: [number, string][] = [];
  let family = -1;
  fields.forEach((name, index) => {
    if (PRICE_COLUMNS.has(name)) price.set(name, index);
    else if (name === 'Product Family') family = index;
    else attributes.push([index, csvAttributeName(name)]);
  });
  return { price, family, attributes };
}
