import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources; the CLI child-process tests use the built dist.
    alias: {
      '@tier-planner/cost-model': here('./packages/cost-model/src/index.ts'),
      '@tier-planner/aws-pricing': here('./packages/aws-pricing/src/index.ts'),
      '@tier-planner/aws-billing': here('./packages/aws-billing/src/index.ts'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}', 'data/pricing/scripts/**/*.test.ts'],
    env: {
      // Keep a developer's refreshed snapshots out of the tests.
      TIER_PLANNER_PRICING_DIR: here('./.tmp/no-user-pricing'),
      NO_COLOR: '1',
    },
    testTimeout: 30_000,
  },
});
