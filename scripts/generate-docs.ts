// Regenerates the docs that are computed from the model (tests fail when they are stale):
//   npm run docs:generate
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadPriceBook } from '../packages/cost-model/src/snapshot-io/load-price-book.js';
import { profilesReport } from '../packages/cost-model/src/profiles/profiles-report.js';
import { seedLadderDoc } from '../packages/cost-model/src/seed/seed-ladder-doc.js';

const doc = (name: string) => fileURLToPath(new URL(`../docs/${name}`, import.meta.url));
writeFileSync(doc('seed-ladder.md'), seedLadderDoc(loadPriceBook({ region: 'us-east-1', embeddedOnly: true })));
writeFileSync(doc('profiles.md'), profilesReport());
console.log('wrote docs/seed-ladder.md and docs/profiles.md');
