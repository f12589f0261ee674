import { readFileSync } from 'node:fs';
import type { FakeProduct } from './fake-price-list-server.js';

// Writes price list files in the layouts AWS documents for the Price List Bulk API (offer index,
// region index, per-region JSON and CSV offer files, Savings Plans version index, region index
// and offer file) from GetProducts-shaped items. TEST DATA: every price comes from the fixture
// items (themselves generated from the embedded snapshot) or from the Savings Plans test file,
// whose rates are made up; the files say so in their disclaimer.

export const TEST_DISCLAIMER = 'TEST DATA for tier-planner tests: not an AWS price list; prices are fixtures';
export const PUBLICATION = '2026-11-20T00:00:00Z';
const VERSION = '20261120000000';

type Item = {
  product: { sku: string; productFamily?: string; attributes: Record<string, string> };
  terms?: Record<string, Record<string, unknown>>;
};

export const offerFilePath = (code: string, region: string, format: 'json' | 'csv' = 'json') => `/offers/v1.0/aws/${code}/${VERSION}/${region}/index.${format}`;
export const globalOfferFilePath = (code: string, format: 'json' | 'csv' = 'json') => `/offers/v1.0/aws/${code}/current/index.${format}`;
export const regionIndexPath = (code: string) => `/offers/v1.0/aws/${code}/current/region_index.json`;
export const SP_CODE = 'AWSComputeSavingsPlan';
export const spVersionIndexPath = `/savingsPlan/v1.0/aws/${SP_CODE}/current/index.json`;
export const spRegionIndexPath = `/savingsPlan/v1.0/aws/${SP_CODE}/${VERSION}/region_index.json`;
export const spOfferFilePath = (region: string) => `/savingsPlan/v1.0/aws/${SP_CODE}/${VERSION}/${region}/index.json`;

/** Global services: their region index lists no region, so a refresh reads the offer's one file. */
const GLOBAL = new Set(['AmazonRoute53']);

export interface BulkFiles {
  /** URL path → body. */
  readonly files: Map<string, Buffer>;
}

export function bulkFilesFrom(products: readonly FakeProduct[], region: string, savingsPlanOffer: unknown = savingsPlanTestOffer()): BulkFiles {
  const byCode = new Map<string, Item[]>();
  for (const p of products) byCode.set(p.serviceCode, [...(byCode.get(p.serviceCode) ?? []), p.item as Item]);
  const files = new Map<string, Buffer>();
  const put = (path: string, body: string) => files.set(path, Buffer.from(body, 'utf8'));
  const offers: Record<string, unknown> = {};
  for (const [code, items] of byCode) {
    offers[code] = {
      offerCode: code,
      currentVersionUrl: globalOfferFilePath(code),
      currentRegionIndexUrl: regionIndexPath(code),
    };
    const global = GLOBAL.has(code);
    put(
      regionIndexPath(code),
      JSON.stringify({
        formatVersion: 'v1.0',
        disclaimer: TEST_DISCLAIMER,
        publicationDate: PUBLICATION,
        regions: global ? {} : { [region]: { regionCode: region, currentVersionUrl: offerFilePath(code, region) } },
      }),
    );
    const json = jsonOfferFile(code, items);
    const csv = csvOfferFile(code, items);
    if (global) {
      put(globalOfferFilePath(code), json);
      put(globalOfferFilePath(code, 'csv'), csv);
    } else {
      put(offerFilePath(code, region), json);
      put(offerFilePath(code, region, 'csv'), csv);
    }
  }
  offers[SP_CODE] = { offerCode: SP_CODE, currentVersionUrl: spVersionIndexPath, currentRegionIndexUrl: spVersionIndexPath, savingsPlanVersionIndexUrl: spVersionIndexPath };
  put('/offers/v1.0/aws/index.json', JSON.stringify({ formatVersion: 'v1.0', disclaimer: TEST_DISCLAIMER, publicationDate: PUBLICATION, offers }, null, 2));
  put(
    spVersionIndexPath,
    JSON.stringify({ disclaimer: TEST_DISCLAIMER, publicationDate: PUBLICATION, currentOfferVersionUrl: spRegionIndexPath, versions: [{ publicationDate: PUBLICATION, offerVersionUrl: spRegionIndexPath }] }),
  );
  put(spRegionIndexPath, JSON.stringify({ disclaimer: TEST_DISCLAIMER, publicationDate: PUBLICATION, regions: [{ regionCode: region, versionUrl: spOfferFilePath(region) }] }));
  put(spOfferFilePath(region), JSON.stringify(savingsPlanOffer, null, 1));
  return { files };
}

/** The JSON layout: products keyed by SKU, then terms by type and SKU (pretty-printed as AWS does). */
export function jsonOfferFile(code: string, items: readonly Item[]): string {
  const products: Record<string, unknown> = {};
  const terms: Record<string, Record<string, unknown>> = {};
  for (const item of items) {
    products[item.product.sku] = item.product;
    for (const [type, byCode] of Object.entries(item.terms ?? {})) (terms[type] ??= {})[item.product.sku] = byCode;
  }
  return JSON.stringify({ formatVersion: 'v1.0', disclaimer: TEST_DISCLAIMER, offerCode: code, version: VERSION, publicationDate: PUBLICATION, products, terms }, null, 2);
}

const PRICE_COLUMNS = ['SKU', 'OfferTermCode', 'RateCode', 'TermType', 'PriceDescription', 'EffectiveDate', 'StartingRange', 'EndingRange', 'Unit', 'PricePerUnit', 'Currency', 'LeaseContractLength', 'PurchaseOption', 'OfferingClass', 'Product Family'];

/** Column titles as the CSV files write them ("Instance Type", "vCPU", "Pre Installed S/W"). */
const TITLES: Record<string, string> = { vcpu: 'vCPU', preInstalledSw: 'Pre Installed S/W', usagetype: 'usageType', servicecode: 'serviceCode', gpu: 'GPU', volumeApiName: 'Volume API Name' };
export const csvTitle = (attribute: string): string =>
  TITLES[attribute] ?? attribute.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

const cell = (v: string | undefined) => `"${(v ?? '').replace(/"/g, '""')}"`;

/**
 * The CSV layout: five metadata lines, the header, one line per price dimension. All OnDemand
 * lines come before all Reserved ones, so a product's lines are far apart, as in AWS's files.
 */
export function csvOfferFile(code: string, items: readonly Item[]): string {
  const attributes = [...new Set(items.flatMap((i) => Object.keys(i.product.attributes)))].sort();
  const lines = [
    ['FormatVersion', 'v1.0'],
    ['Disclaimer', TEST_DISCLAIMER],
    ['Publication Date', PUBLICATION],
    ['Version', VERSION],
    ['OfferCode', code],
    [...PRICE_COLUMNS, ...attributes.map(csvTitle)],
  ].map((r) => r.map(cell).join(','));
  const types = [...new Set(items.flatMap((i) => Object.keys(i.terms ?? {})))].sort();
  for (const type of types) {
    for (const item of items) {
      for (const term of Object.values(item.terms?.[type] ?? {}) as Record<string, unknown>[]) {
        const ta = (term.termAttributes ?? {}) as Record<string, string>;
        for (const [rateCode, d] of Object.entries(term.priceDimensions as Record<string, Record<string, unknown>>)) {
          const price = d.pricePerUnit as Record<string, string>;
          const row = [
            item.product.sku,
            String(term.offerTermCode),
            rateCode,
            type,
            d.description as string,
            term.effectiveDate as string,
            d.beginRange as string,
            d.endRange as string,
            d.unit as string,
            price.USD,
            'USD',
            ta.LeaseContractLength,
            ta.PurchaseOption,
            ta.OfferingClass,
            item.product.productFamily,
            ...attributes.map((a) => item.product.attributes[a]),
          ];
          lines.push(row.map(cell).join(','));
        }
      }
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The Savings Plans offer file of the tests (fixtures/savings-plan-offer-test-data.json). */
export function savingsPlanTestOffer(): unknown {
  return JSON.parse(readFileSync(new URL('./fixtures/savings-plan-offer-test-data.json', import.meta.url), 'utf8'));
}
