import { describe, expect, it } from 'vitest';
import { auditSeedLadder } from './audit-seed-ladder.js';

// Expected figures worked out by hand from the seed's own statements: $0.0208/h × 720 h = $14.976
// per node, $0.10/h × 720 h = $72, ECR $0.10/GB, S3 $0.01/GB after 5 free GB, EBS $0.125/GB,
// GitHub Actions $0.008/min after 2,000 free minutes.
const audit = auditSeedLadder();
const row = (users: number) => audit.rows.find((r) => r.users === users)!;
const cell = (users: number, column: string) => row(users).cells.find((c) => c.column === column)!;

describe('auditSeedLadder', () => {
  it('uses the seed\'s 720-hour month and covers every printed row', () => {
    expect(audit.hoursPerMonth).toBe(720);
    expect(audit.rows.map((r) => r.users)).toEqual([1, 10, 100, 1000, 10000]);
  });

  it.each([
    [1, '72', '14.976', '0.1', '0', '2.5', '0'],
    [10, '72', '14.976', '0.1', '0.45', '5', '0'],
    [100, '72', '29.952', '0.5', '1.95', '10', '0'],
    [1000, '72', '59.904', '1', '4.95', '25', '16'],
    [10000, '72', '119.808', '2', '9.95', '50', '48'],
  ])('recomputes every cell of the %i-user row exactly', (users, eks, ec2, ecr, s3, ebs, gha) => {
    const got = Object.fromEntries(row(users).cells.map((c) => [c.column, c.recomputed.toString()]));
    expect(got).toEqual({ eks, ec2, ecr, s3, ebs, githubActions: gha });
  });

  it('derives the quantities a price-only cell implies', () => {
    expect(audit.rows.map((r) => cell(r.users, 'ecr').quantity.value.toString())).toEqual(['1', '1', '5', '10', '20']);
    expect(audit.rows.map((r) => cell(r.users, 'ebs').quantity.value.toString())).toEqual(['20', '40', '80', '200', '400']);
    expect(audit.rows.map((r) => cell(r.users, 'githubActions').quantity.value.toString())).toEqual(['1000', '1000', '2000', '4000', '8000']);
    expect(audit.rows.map((r) => cell(r.users, 's3').quantity.value.toString())).toEqual(['5', '50', '200', '500', '1000']);
    expect(cell(100, 'ebs').quantity.basis).toBe('implied by the printed price');
    expect(cell(1, 'ebs').quantity.basis).toBe('printed');
  });

  it('adds up each row both ways, exactly', () => {
    expect(audit.rows.map((r) => r.sumOfPrintedCells.toString())).toEqual(['97.58', '100.58', '130.46', '194.92', '317.94']);
    expect(audit.rows.map((r) => r.sumOfRecomputedCells.toString())).toEqual(['89.576', '92.526', '114.402', '178.854', '301.758']);
    expect(audit.rows.map((r) => r.printedTotal.toString())).toEqual(['97.58', '100.58', '129.46', '194.92', '427.76']);
  });

  it('reports every disagreement, one line each', () => {
    expect(audit.discrepancies.map((d) => d.message)).toEqual([
      '1 user: GitHub Actions: 1,000 min is inside the 2,000 free minutes the seed states → $0.00, printed $8.00',
      "1 user: printed total $97.58 but the seed's own unit prices, 720 h and free allowances give $89.58",
      '10 users: S3 charges the first 5 GB it says are free: 50 GB → (50 − 5) × $0.01 = $0.45, printed $0.50',
      '10 users: GitHub Actions: 1,000 min is inside the 2,000 free minutes the seed states → $0.00, printed $8.00',
      "10 users: printed total $100.58 but the seed's own unit prices, 720 h and free allowances give $92.53",
      '100 users: EC2 printed $29.96 is 2 × the rounded $14.98; 2 × $14.976 ($0.0208/h × 720 h) = $29.95',
      '100 users: ECR printed $0.50 implies 5 GB at $0.10/GB, but the column header says 1 GB ($0.10)',
      '100 users: S3 charges the first 5 GB it says are free: 200 GB → (200 − 5) × $0.01 = $1.95, printed $2.00',
      '100 users: GitHub Actions: 2,000 min is inside the 2,000 free minutes the seed states → $0.00, printed $16.00',
      '100 users: printed total $129.46 but its printed cells sum to $130.46',
      "100 users: printed total $129.46 but the seed's own unit prices, 720 h and free allowances give $114.40",
      '1,000 users: EC2 printed $59.92 is 4 × the rounded $14.98; 4 × $14.976 ($0.0208/h × 720 h) = $59.90',
      '1,000 users: ECR printed $1.00 implies 10 GB at $0.10/GB, but the column header says 1 GB ($0.10)',
      '1,000 users: S3 charges the first 5 GB it says are free: 500 GB → (500 − 5) × $0.01 = $4.95, printed $5.00',
      '1,000 users: GitHub Actions: 4,000 min less the 2,000 free minutes the seed states → (4,000 − 2,000) × $0.008 = $16.00, printed $32.00',
      "1,000 users: printed total $194.92 but the seed's own unit prices, 720 h and free allowances give $178.85",
      '10,000 users: EC2 printed $119.94 but 8 × $14.976 = $119.81 (8 × the rounded $14.98 = $119.84)',
      '10,000 users: ECR printed $2.00 implies 20 GB at $0.10/GB, but the column header says 1 GB ($0.10)',
      '10,000 users: S3 charges the first 5 GB it says are free: 1,000 GB → (1,000 − 5) × $0.01 = $9.95, printed $10.00',
      '10,000 users: GitHub Actions: 8,000 min less the 2,000 free minutes the seed states → (8,000 − 2,000) × $0.008 = $48.00, printed $64.00',
      '10,000 users: printed total $427.76 but its printed cells sum to $317.94',
      "10,000 users: printed total $427.76 but the seed's own unit prices, 720 h and free allowances give $301.76",
      '100 users: the table prices 2 × t3.small but the seed\'s timeline says "Terraform: add second nodegroup (2×t3.medium)"',
      '1,000 users: the table prices 4 × t3.small but the seed\'s timeline says "Terraform: add 4×t3.large nodes"',
      '10,000 users: the table prices 8 × t3.small but the seed\'s timeline says "Terraform: add 8×t3.xlarge"',
    ]);
  });

  it('tells a rounding slip from an arithmetic error', () => {
    const ec2 = audit.discrepancies.filter((d) => d.column === 'ec2' && d.kind !== 'timeline');
    expect(ec2.map((d) => [d.users, d.kind])).toEqual([
      [100, 'rounding'],
      [1000, 'rounding'],
      [10000, 'arithmetic'],
    ]);
  });

  it('finds nothing wrong with the cells that add up (EKS, EBS, the 1- and 10-user EC2 cells)', () => {
    for (const r of audit.rows) {
      expect(cell(r.users, 'eks').agrees).toBe(true);
      expect(cell(r.users, 'ebs').agrees).toBe(true);
    }
    expect(cell(1, 'ec2').agrees).toBe(true);
    expect(cell(10, 'ec2').agrees).toBe(true);
  });

  it('is pure: the same audit every time', () => {
    expect(auditSeedLadder().discrepancies).toEqual(audit.discrepancies);
  });
});
