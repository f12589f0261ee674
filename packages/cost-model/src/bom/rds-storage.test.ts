import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rdsStoragePerformance, rdsStorageProblems } from './rds-storage.js';

describe('RDS storage performance', () => {
  it('gp2: 3 IOPS per GiB, at least 100, at most 16,000, as the RDS user guide table gives it', () => {
    // Rows of AWS's gp2 table (size GiB → base IOPS).
    for (const [gb, iops] of [[1, 100], [100, 300], [250, 750], [500, 1500], [750, 2250], [1000, 3000], [5334, 16000]] as const) {
      expect(rdsStoragePerformance('gp2', gb).baselineIops, `${gb} GiB`).toBe(iops);
    }
  });

  it('gp2 bursts to 3,000 IOPS below 1,000 GiB only, and the baseline never falls as the volume grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 65536 }), fc.integer({ min: 0, max: 2000 }), (gb, more) => {
        const p = rdsStoragePerformance('gp2', gb);
        expect(p.baselineIops).toBeGreaterThanOrEqual(100);
        expect(p.baselineIops).toBeLessThanOrEqual(16000);
        expect(p.burstIops === 3000).toBe(gb < 1000);
        expect(rdsStoragePerformance('gp2', gb + more).baselineIops).toBeGreaterThanOrEqual(p.baselineIops);
      }),
    );
  });

  it('gp3 includes 3,000 IOPS below 400 GiB and 12,000 from 400 GiB; io1/io2 deliver what is provisioned', () => {
    expect(rdsStoragePerformance('gp3', 399).baselineIops).toBe(3000);
    expect(rdsStoragePerformance('gp3', 400).baselineIops).toBe(12000);
    expect(rdsStoragePerformance('io1', 400, 8000).baselineIops).toBe(8000);
    expect(rdsStoragePerformance('io2', 100, 3000).baselineIops).toBe(3000);
  });

  it('refuses io1/io2 without IOPS or below 0.5 IOPS per GiB, and IOPS fields on the wrong type', () => {
    expect(rdsStorageProblems('io1', 400, undefined, undefined)).toEqual(['iops: required with io1 storage (the IOPS provisioned)']);
    expect(rdsStorageProblems('io2', 1000, 499, undefined)[0]).toMatch(/below the minimum of 0\.5 IOPS per GiB \(500 for 1,000 GiB\)/);
    expect(rdsStorageProblems('io2', 1000, 500, undefined)).toEqual([]);
    expect(rdsStorageProblems('gp2', 100, 1000, undefined)[0]).toMatch(/^iops: only with io1 or io2/);
    expect(rdsStorageProblems('gp2', 100, undefined, 1000)[0]).toMatch(/^extraIops: only with gp3/);
    expect(rdsStorageProblems('gp3', 100, undefined, 1000)).toEqual([]);
  });
});
