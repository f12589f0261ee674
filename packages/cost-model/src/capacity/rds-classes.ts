// The RDS classes a profile allows, with what each can carry that does not depend on load,
// worked out once per price book (and engine, deployment, families).
import type { PriceBook } from '../pricing/price-book.js';
import type { RdsSpec } from '../profiles/profile-types.js';
import { inClassFamilies, managedClasses, type ManagedClass } from './managed-classes.js';
import { RDS_DEFAULTS } from './rds-assumptions.js';
import { assumedBaselineVcpus, defaultMaxConnections, isBurstableClass } from './rds-class-limits.js';
import { mbpsToMiBps } from './rds-load.js';

export interface RdsClassOption {
  readonly writer: ManagedClass;
  /** The same class Single-AZ, as read replicas are priced (undefined when the book lists none). */
  readonly replica: ManagedClass | undefined;
  readonly burstable: boolean;
  readonly baselineVcpu: number | undefined;
  readonly maxConnections: number;
  readonly maxEbsThroughputMiBps: number | undefined;
}

const cache = new WeakMap<PriceBook, Map<string, readonly RdsClassOption[]>>();

export function rdsClassOptions(book: PriceBook, engine: RdsSpec['engine'], deployment: 'single-az' | 'multi-az', families: readonly string[]): readonly RdsClassOption[] {
  let byKey = cache.get(book);
  if (!byKey) cache.set(book, (byKey = new Map()));
  const key = `${engine}|${deployment}|${families.join(',')}`;
  let options = byKey.get(key);
  if (!options) {
    const classes = managedClasses(book).filter((c) => c.parts[0] === engine && c.parts[1] === c.className && inClassFamilies(c.className, families));
    const singleAz = new Map(classes.filter((c) => c.parts[2] === 'single-az').map((c) => [c.className, c]));
    options = classes
      .filter((c) => c.parts[2] === deployment)
      .map((writer) => ({
        writer,
        replica: singleAz.get(writer.className),
        burstable: isBurstableClass(writer.className),
        baselineVcpu: assumedBaselineVcpus(writer.className, writer.vcpu),
        maxConnections: defaultMaxConnections(engine, writer.memoryGiB, RDS_DEFAULTS.classMemoryAvailableShare.value),
        maxEbsThroughputMiBps: writer.maxEbsBandwidthMbps === undefined ? undefined : mbpsToMiBps(writer.maxEbsBandwidthMbps),
      }));
    byKey.set(key, options);
  }
  return options;
}
