import { dec, formatUsd, type Decimal } from '../cost/money.js';
import type { InstanceType, PriceBook } from '../pricing/price-book.js';
import { HOURS_PER_DAY } from '../workload/daily-shape.js';
import type { ScaledNodeGroup } from './capacity-types.js';
import { CPU_CREDITS_KEY } from './cpu-credits.js';
import { GP3_STORAGE_KEY } from './instance-catalog.js';

/**
 * Exact monthly cost of a node group for display: count × (on-demand hourly × hours + root volume
 * GB × gp3 GB-month), plus surplus CPU credit vCPU-hours × the credit price for a burstable group.
 * Ranking uses floats; the figures people read are computed here in decimals.
 */
export function nodeGroupMonthlyUsd(book: PriceBook, type: InstanceType, count: number, rootVolumeGb: number, hoursPerMonth: number, surplusVcpuHours = 0): Decimal {
  const gp3 = book.price(GP3_STORAGE_KEY)?.usd ?? '0';
  const nodes = dec(type.onDemandUsd).times(hoursPerMonth).plus(dec(gp3).times(rootVolumeGb)).times(count);
  if (!(surplusVcpuHours > 0)) return nodes;
  return nodes.plus(dec(book.price(CPU_CREDITS_KEY)?.usd ?? '0').times(surplusVcpuHours));
}

/**
 * The month's bill of a node group that follows the day's load: node-hours × hourly (on-demand, or the purchase option's effective rate),
 * root volumes for the hours they exist (GB × gp3 GB-month × node-hours ÷ hoursPerMonth), plus
 * surplus CPU credits. With every node up all month it equals nodeGroupMonthlyUsd.
 */
export function nodeGroupBillUsd(book: PriceBook, type: InstanceType, nodeHours: number, rootVolumeGb: number, hoursPerMonth: number, surplusVcpuHours = 0, hourlyUsd = type.onDemandUsd): Decimal {
  const gp3 = book.price(GP3_STORAGE_KEY)?.usd ?? '0';
  const hours = dec(nodeHours);
  const nodes = dec(hourlyUsd).times(hours).plus(dec(gp3).times(rootVolumeGb).times(hours).div(hoursPerMonth));
  if (!(surplusVcpuHours > 0)) return nodes;
  return nodes.plus(dec(book.price(CPU_CREDITS_KEY)?.usd ?? '0').times(surplusVcpuHours));
}

/**
 * A scaled node group's monthlyUsd: its node-hours over the day (and its credits), as nodeGroupBillUsd;
 * with `burstHourlyUsd` (a commitment on the floor only) the hours above the floor at that price.
 */
export function billOverTheDay(book: PriceBook, g: ScaledNodeGroup, hoursPerMonth: number, hourlyUsd?: string, burstHourlyUsd?: string): string {
  const type = book.instanceType(g.instanceType)!;
  const nodeHours = (g.nodeHoursPerDay * hoursPerMonth) / HOURS_PER_DAY;
  if (burstHourlyUsd === undefined) return toCents(nodeGroupBillUsd(book, type, nodeHours, g.rootVolumeGb, hoursPerMonth, g.cpuCredits?.surplusVcpuHours, hourlyUsd));
  const floorHours = g.floor * hoursPerMonth;
  const floor = nodeGroupBillUsd(book, type, floorHours, g.rootVolumeGb, hoursPerMonth, 0, hourlyUsd);
  return toCents(floor.plus(nodeGroupBillUsd(book, type, nodeHours - floorHours, g.rootVolumeGb, hoursPerMonth, g.cpuCredits?.surplusVcpuHours, burstHourlyUsd)));
}

/** "1234.57": the decimal string NodeChoice.monthlyUsd carries. */
export function toCents(value: Decimal): string {
  return value.toFixed(2);
}

export { formatUsd };
