// The seeds' cost tables as written: seed 000's ladder (its audit, and the same quantities at today's
// prices) and seed 004's two stacks priced from the book.
export { auditSeedLadder, type AuditedCell, type AuditedRow, type FindingKind, type SeedAudit, type SeedFinding } from './audit-seed-ladder.js';
export { compareSeedUnitPrices, type UnitPriceComparison } from './compare-seed-unit-prices.js';
export { seedLadderAtTodaysPrices, seedRowBom, type SeedLadderAtTodaysPrices, type SeedRowAtTodaysPrices } from './seed-ladder-today.js';
export { SEED_000, SEED_000_ROWS, SEED_COLUMNS, SEED_UNITS, type SeedColumn, type SeedQuantity, type SeedRow } from './seed-000-table.js';
export { seedLadderReport } from './seed-ladder-report.js';
export { seedLadderBesideModel, SEED_000_PROFILE, type SeedRowBesideModel } from './seed-ladder-beside-model.js';
export { compareSeed004, type Seed004LineComparison, type Seed004StackComparison, type Seed004Verdict } from './compare-seed-004.js';
export { SEED_004, SEED_004_STACKS, type Seed004Line, type Seed004Stack } from './seed-004-stacks.js';
export { seed004Report } from './seed-004-report.js';
export { seedLadderDoc } from './seed-ladder-doc.js';
