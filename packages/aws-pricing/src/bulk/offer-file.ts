import { parsePriceListItem, type PriceListItem } from '../price-list-item.js';
import type { ProductQuery } from '../service-definition.js';
import { csvAttributeName } from './csv-columns.js';
import { CsvRowStream } from './csv-rows.js';
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

abstract class KeptProducts {
  protected readonly products = new Map<string, RawProduct>();
  protected readonly terms = new Map<string, Terms>();
  protected publicationDate: string | undefined;

  constructor(
    protected readonly serviceCode: string,
    protected readonly keep: (product: RawProduct) => boolean,
  ) {}

  items(): PriceListItem[] {
    return [...this.products.values()].map((product) =>
      parsePriceListItem(
        { product, terms: this.terms.get(product.sku) ?? {}, ...(this.publicationDate ? { publicationDate: this.publicationDate } : {}) },
        this.serviceCode,
      ),
    );
  }
}

/** JSON: `products` (an object keyed by SKU) comes before `terms.<type>.<sku>`. */
export class JsonOfferReader extends KeptProducts implements OfferReader {
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
      path: ['terms', '*', '*'],
      // Terms of products nobody wants are skipped unread.
      want: (keys) => {
        this.count += 1;
        return this.products.has(keys[2]!);
      },
      onValue: (v, keys) => {
        if (!isObj(v)) return;
        const sku = keys[2]!;
        const byType = this.terms.get(sku) ?? {};
        byType[keys[1]!] = { ...byType[keys[1]!], ...v };
        this.terms.set(sku, byType);
      },
    },
  ]);

  get rows(): number {
    return this.count;
  }

  write(chunk: Buffer): void {
    this.stream.write(chunk);
  }

  end(): void {
    this.stream.end();
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
export class CsvOfferReader extends KeptProducts implements OfferReader {
  private header: { price: Map<string, number>; family: number; attributes: [number, string][] } | undefined;
  private readonly stream = new CsvRowStream((fields) => this.row(fields));

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
    const sku = at('SKU');
    if (!sku) return;
    let product = this.products.get(sku);
    if (!product) {
      const attributes: Record<string, string> = {};
      for (const [index, name] of columns) {
        const value = fields[index];
        if (value) attributes[name] = value;
      }
      const candidate: RawProduct = { sku, ...(family >= 0 && fields[family] ? { productFamily: fields[family]! } : {}), attributes };
      if (!this.keep(candidate)) return;
      product = candidate;
      this.products.set(sku, product);
    }
    const termType = at('TermType');
    const offerTermCode = at('OfferTermCode');
    const rateCode = at('RateCode');
    if (!termType || !offerTermCode || !rateCode) throw new SyntaxError(`CSV line for SKU ${sku} has no TermType, OfferTermCode or RateCode`);
    const byType = this.terms.get(sku) ?? {};
    const terms = (byType[termType] ??= {});
    const termKey = `${sku}.${offerTermCode}`;
    const termAttributes: Record<string, string> = {};
    for (const name of TERM_ATTRIBUTES) if (at(name)) termAttributes[name] = at(name);
    const term = (terms[termKey] ??= {
      offerTermCode,
      sku,
      ...(at('EffectiveDate') ? { effectiveDate: at('EffectiveDate') } : {}),
      termAttributes,
      priceDimensions: {},
    }) as { priceDimensions: Record<string, unknown> };
    term.priceDimensions[rateCode] = {
      rateCode,
      unit: at('Unit'),
      ...(at('PriceDescription') ? { description: at('PriceDescription') } : {}),
      ...(at('StartingRange') ? { beginRange: at('StartingRange') } : {}),
      ...(at('EndingRange') ? { endRange: at('EndingRange') } : {}),
      pricePerUnit: { [at('Currency') || 'USD']: at('PricePerUnit') },
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
