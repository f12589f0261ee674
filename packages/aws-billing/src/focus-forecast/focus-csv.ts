import { FOCUS_FORECAST_COLUMNS } from './focus-columns.js';
import type { FocusForecastRow } from './forecast-rows.js';

/** RFC 4180: a field with a comma, quote or line break is quoted, inner quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A cell's text: amounts exact, Tags as a JSON object (how FOCUS CSV files carry the map), NULL empty. */
export function cellText(row: FocusForecastRow, column: (typeof FOCUS_FORECAST_COLUMNS)[number][0]): string {
  const v = (row as unknown as Record<string, unknown>)[column];
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (column === 'Tags') return JSON.stringify(v);
  return String(v);
}

/** The rows as CSV: a header row of FOCUS column names, CRLF line ends as RFC 4180 writes them. */
export function focusCsv(rows: readonly FocusForecastRow[]): string {
  const header = FOCUS_FORECAST_COLUMNS.map(([name]) => name).join(',');
  const lines = rows.map((r) => FOCUS_FORECAST_COLUMNS.map(([name]) => csvField(cellText(r, name))).join(','));
  return [header, ...lines].map((l) => `${l}\r\n`).join('');
}
