import { fixedRulesService } from '../service-definition.js';

// Route 53 is a global service: its products have no regionCode, and the same rates apply to
// every region (this is the API's own global price, not a us-east-1 figure copied elsewhere).
const R53 = 'AmazonRoute53';

export const route53Service = fixedRulesService({
  name: 'Route 53',
  // One unfiltered call: Route 53 lists few products, and health checks' product family is not documented.
  queries: () => [{ serviceCode: R53, filters: {} }],
  rules: [
    {
      key: 'route53/hosted-zone',
      service: 'Route 53',
      description: 'Hosted zone',
      unit: 'zone-months',
      match: { serviceCode: R53, productFamily: 'DNS Zone', usagetype: 'HostedZone' },
      // The first 25 zones cost more than the rest; small plans stay within them.
      shape: 'first-tier',
    },
    {
      key: 'route53/standard-queries',
      service: 'Route 53',
      description: 'Standard queries',
      unit: '1M queries',
      match: { serviceCode: R53, productFamily: 'DNS Query', usagetype: 'DNS-Queries' },
      shape: 'tiered',
      unitPower: 6,
    },
    {
      key: 'route53/latency-queries',
      service: 'Route 53',
      description: 'Latency-based routing queries',
      unit: '1M queries',
      match: { serviceCode: R53, productFamily: 'DNS Query', usagetype: 'LBR-Queries' },
      shape: 'tiered',
      unitPower: 6,
    },
    {
      key: 'route53/geo-queries',
      service: 'Route 53',
      description: 'Geo DNS queries',
      unit: '1M queries',
      match: { serviceCode: R53, productFamily: 'DNS Query', usagetype: 'Geo-Queries' },
      shape: 'tiered',
      unitPower: 6,
    },
    // Health-check usage types as AWS's Route 53 offer file names them (quoted second-hand, read
    // 2026-12-01); a refresh that finds none reports the key unpriced.
    ...(
      [
        ['route53/health-check/aws', 'Health checks (AWS endpoints)', 'Health-Check-AWS'],
        ['route53/health-check/non-aws', 'Health checks (other endpoints)', 'Health-Check-Non-AWS'],
        ['route53/health-check/optional-feature/aws', 'Health check optional features (AWS endpoints)', 'Health-Check-Option-AWS'],
        ['route53/health-check/optional-feature/non-aws', 'Health check optional features (other endpoints)', 'Health-Check-Option-Non-AWS'],
      ] as const
    ).map(([key, description, usagetype]) => ({
      key,
      service: 'Route 53',
      description,
      unit: key.includes('optional') ? 'feature-months' : 'health-check-months',
      match: { serviceCode: R53, usagetype },
      shape: 'first-tier' as const,
      // Health checks of AWS endpoints start with a free allowance: the paid rate is what the model prices.
      skipFreeTier: true,
    })),
  ],
  regionAttributes: () => ({ location: 'Global' }),
});
