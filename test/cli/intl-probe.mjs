// Preloaded (node --import) by the cold-start tests: records where the program first touches Intl
// (each call site once), and writes them to INTL_PROBE_OUT at exit. The first use in a process
// sets up ICU's number formatting, which costs more than the printed plan's model run.
import { writeFileSync } from 'node:fs';

const sites = new Set();
const caller = () => {
  const frames = new Error().stack.split('\n').slice(1).map((l) => l.trim());
  return frames.find((f) => !f.includes('intl-probe.mjs')) ?? '?';
};
const wrap = (owner, key) => {
  const original = owner[key];
  owner[key] = function (...args) {
    sites.add(`${key}: ${caller()}`);
    return new.target ? Reflect.construct(original, args, new.target) : original.apply(this, args);
  };
};
for (const key of ['NumberFormat', 'DateTimeFormat', 'PluralRules', 'Collator', 'Segmenter', 'ListFormat', 'RelativeTimeFormat']) if (Intl[key]) wrap(Intl, key);
wrap(Number.prototype, 'toLocaleString');
wrap(BigInt.prototype, 'toLocaleString');
wrap(String.prototype, 'localeCompare');
for (const key of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) wrap(Date.prototype, key);
process.on('exit', () => writeFileSync(process.env.INTL_PROBE_OUT, JSON.stringify([...sites])));
