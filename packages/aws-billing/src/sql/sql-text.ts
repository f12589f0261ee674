// Literals and identifiers written so that DuckDB and Athena (Trino) read them the same way.

/** A string literal: single quotes, inner quotes doubled (both engines). */
export const str = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A quoted identifier: double quotes, inner quotes doubled (both engines). */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A table reference: each dotted part quoted. */
export const tableRef = (name: string) => name.split('.').map(ident).join('.');

/** An exact sum of a double column: both engines round the cast to 10 places, as CUR writes amounts. */
export const exact = (expr: string) => `CAST(${expr} AS DECIMAL(38,10))`;

/**
 * The value of a map key, NULL when the key is absent. `m[k]` is NULL in DuckDB but an error in
 * Trino; `element_at` is NULL in Trino but a list in DuckDB; a CASE over map_keys is NULL in both.
 */
export const mapValue = (map: string, key: string) => `CASE WHEN contains(map_keys(${map}), ${str(key)}) THEN ${map}[${str(key)}] END`;

/** The first of several map keys present, blank values counted as absent. */
export const firstMapValue = (map: string, keys: readonly string[]) => `NULLIF(COALESCE(${keys.map((k) => mapValue(map, k)).join(', ')}), '')`;
