import { DEFAULT_LADDER, findBreakpoints, loadPriceBook } from '@tier-planner/cost-model';
const book = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });
const max = Number(process.argv[2] ?? 30);
const r = findBreakpoints('eks-web-app', 1, 10_000_000, book, { tiers: DEFAULT_LADDER, max });
console.log('max', max, 'bps', r.breakpoints.length, 'planCapacity', globalThis.__pc, 'packs', globalThis.__packs, 'listLines', globalThis.__ll);
