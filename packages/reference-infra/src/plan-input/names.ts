import { createHash } from 'node:crypto';

/**
 * A name AWS accepts for ids with tight limits (ElastiCache 40, IAM role prefixes 38, RDS 63):
 * lower-case letters, digits and hyphens, starting with a letter; a long name keeps its start
 * and ends with a short hash of the whole, so two plans never share a name.
 */
export function shortName(name: string, max: number): string {
  let clean = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  if (!/^[a-z]/.test(clean)) clean = `tp-${clean}`;
  if (clean.length <= max) return clean;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 6);
  return `${clean.slice(0, max - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}
