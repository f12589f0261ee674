import type { LineItemDraft } from '../../cost/line-item.js';
import { Decimal, ZERO, dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

/** The price book's key for the account's free monthly data transfer out to the internet. */
export const INTERNET_OUT_FREE_KEY = 'data-transfer/internet-out/free-gb';

export interface DataTransferResource {
  readonly internetOutGb?: number;
  /** GB crossing availability zones; billed in each direction. */
  readonly interAzGb?: number;
  readonly interRegionGb?: number;
  /** Subtract the account's free monthly allowance out to the internet, as the price book lists it (only if this plan owns the account). */
  readonly applyFreeAllowance?: boolean;
  /** The free allowance to subtract, in GB; overrides the book's figure (and implies applying it). */
  readonly applyFreeAllowanceGb?: number;
}

export const dataTransfer: ResourceType<DataTransferResource> = {
  type: 'data_transfer',
  description: 'Data transfer out to the internet (tiered), between AZs and between regions',
  fields: { internetOutGb: { kind: 'number' }, interAzGb: { kind: 'number' }, interRegionGb: { kind: 'number' }, applyFreeAllowance: { kind: 'boolean' }, applyFreeAllowanceGb: { kind: 'number' } },
  withBook(r, book) {
    if (!r.applyFreeAllowance || r.applyFreeAllowanceGb !== undefined) return r;
    const allowance = book.allowance(INTERNET_OUT_FREE_KEY);
    return allowance ? { ...r, applyFreeAllowanceGb: allowance.quantity } : r;
  },
  toDrafts(r) {
    const items: LineItemDraft[] = [];
    if (r.internetOutGb !== undefined) {
      const free = dec(r.applyFreeAllowanceGb ?? 0);
      const billed = Decimal.max(ZERO, dec(r.internetOutGb).minus(free));
      const note = free.gt(0)
        ? `${r.internetOutGb} GB less ${free} GB free a month`
        : r.applyFreeAllowance && r.applyFreeAllowanceGb === undefined
          ? `the price book lists no free allowance (${INTERNET_OUT_FREE_KEY}): none subtracted`
          : undefined;
      items.push({
        service: 'Data Transfer',
        resource: r.name,
        component: 'Data transfer out to the internet',
        quantity: billed,
        unit: 'GB',
        price: { kind: 'dimension', key: 'data-transfer/internet-out' },
        ...(note ? { note } : {}),
      });
    }
    if (r.interAzGb) items.push({ service: 'Data Transfer', resource: r.name, component: 'Data transfer between AZs (both directions)', quantity: dec(r.interAzGb).times(2), unit: 'GB', price: { kind: 'dimension', key: 'data-transfer/inter-az' } });
    if (r.interRegionGb) items.push({ service: 'Data Transfer', resource: r.name, component: 'Data transfer to other regions', quantity: dec(r.interRegionGb), unit: 'GB', price: { kind: 'dimension', key: 'data-transfer/inter-region' } });
    return items;
  },
};
