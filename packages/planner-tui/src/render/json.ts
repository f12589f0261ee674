import { decimalsAsStrings } from '@tier-planner/cost-model';

// JSON.stringify escapes C0 controls but writes DEL, C1 and the bidirectional/line separators raw;
// escaped they are the same JSON data and cannot drive a terminal the text is shown on.
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON text (exact decimals as strings, maps as objects, two-space indent) safe to print. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value, decimalsAsStrings, 2).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}
