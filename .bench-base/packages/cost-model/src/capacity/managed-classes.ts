// Managed-service instance classes (RDS, ElastiCache, MSK) read from the price book's dimensions
// once per book. Hourly prices become numbers for ranking only.
import type { PriceBook } from '../pricing/price-book.js';

export interface ManagedClass {
  /** The price key, e.g. "rds/postgresql/db.t4g.micro/multi-az". */
  readonly key: string;
  /** The key's path segments after the service: ["postgresql", "db.t4g.micro", "multi-az"]. */
  readonly parts: readonly string[];
  /** The class name: "db.t4g.micro", "cache.m7g.large", "kafka.m7g.large". */
  readonly className: string;
  readonly hourlyUsd: number;
  readonly vcpu: number;
  readonly memoryGiB: number;
}

const cache = new WeakMap<PriceBook, readonly ManagedClass[]>();

/** Every priced dimension with an instance-class spec (RDS, ElastiCache, MSK brokers). */
export function managedClasses(book: PriceBook): readonly ManagedClass[] {
  let classes = cache.get(book);
  if (!classes) {
    classes = book.dimensions.flatMap((d) => {
      if (!d.spec || d.usd === undefined) return [];
      const [, ...parts] = d.key.split('/');
      const className = parts.find((p) => /^(db|cache|kafka)\./.test(p));
      if (!className) return [];
      return [{ key: d.key, parts, className, hourlyUsd: Number(d.usd), vcpu: d.spec.vcpu, memoryGiB: d.spec.memoryGiB }];
    });
    cache.set(book, classes);
  }
  return classes;
}

/**
 * "db.t4g" allows db.t4g.* (family match at the dot, so "db.m5" does not take db.m5d.*);
 * a prefix ending in "." or a full class name also works.
 */
export function inClassFamilies(className: string, families: readonly string[]): boolean {
  return families.some((f) => className === f || className.startsWith(f.endsWith('.') ? f : `${f}.`));
}

/** Cheapest first, then less memory, then name: a stable order for equal prices. */
export function cheaperClass(a: ManagedClass, b: ManagedClass): number {
  return a.hourlyUsd - b.hourlyUsd || a.memoryGiB - b.memoryGiB || (a.className < b.className ? -1 : a.className > b.className ? 1 : 0);
}
