// The seed-000 cost ladder as written: the printed table, its audit, and the same quantities at today's prices.
export { auditSeedLadder, type AuditedCell, type AuditedRow, type FindingKind, type SeedAudit, type SeedFinding } from './audit-seed-ladder.js';
export { compareSeedUnitPrices, type UnitPriceComparison } from './compare-seed-unit-prices.js';
export { seedLadderAtTodaysPrices, seedRowBom, type SeedLadderAtTodaysPrices, type SeedRowAtTodaysPrices } from './seed-ladder-today.js';
export { SEED_000, SEED_000_ROWS, SEED_COLUMNS, SEED_UNITS, type SeedColumn, type SeedQuantity, type SeedRow } from './seed-000-table.js';
export { seedLadderReport } from './seed-ladder-report.js';
export { seedLadderBesideModel, SEED_000_PROFILE, type SeedRowBesideModel } from './seed-ladder-beside-model.js';
