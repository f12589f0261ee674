// Regenerates packages/exporter/grafana/tier-planner.json from src/dashboard/.
// Run from the repo root:  npx tsx packages/exporter/scripts/generate-grafana.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DASHBOARD_FILE, renderTierPlannerDashboard } from '../src/dashboard/index.js';

writeFileSync(DASHBOARD_FILE, renderTierPlannerDashboard());
console.log(`wrote ${fileURLToPath(DASHBOARD_FILE)}`);
