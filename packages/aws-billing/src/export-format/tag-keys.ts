import type { ExportFormat } from './export-format.js';

/** How AWS writes a user-defined tag key in CUR 2.0's legacy-style column names: not a letter or digit → "_". */
const legacyColumnKey = (key: string) => key.replace(/[^A-Za-z0-9]/g, '_');

/**
 * The map keys a plan's tag may appear under in an export, first match wins. Exports seen in the
 * field write a user-defined tag "team" as "user:team", as "user_team" (CUR 2.0, in the style of
 * the legacy CUR columns, punctuation turned into "_") or as "team" (FOCUS Tags). A key that
 * already has its prefix is looked up as written first.
 */
export function tagKeyForms(key: string, format: ExportFormat): readonly string[] {
  const forms = format === 'focus' ? [key, `user:${key}`, `user_${key}`, `user_${legacyColumnKey(key)}`] : [`user:${key}`, `user_${key}`, `user_${legacyColumnKey(key)}`, key];
  if (/^(user|aws)[:_]/.test(key)) forms.unshift(key);
  return [...new Set(forms)];
}
