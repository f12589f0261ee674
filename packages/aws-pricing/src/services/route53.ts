import { fixedRulesService } from '../service-definition.js';

// Route 53 is a global service: its products have no regionCode, and the same rates apply to
// every region (this is the API's own global price, not a us-east-1 figure copied elsewhere).
const R53 = 'AmazonRoute53';

export const route53Service = fixedRulesService({
  name: 'Route 53',
  queries: () => [
    { serviceCode: R53, filters: { productFamily: 'DNS Zone' } },
    { serviceCode: R53, filters: { productFamily: 'DNS Query' } },
  ],
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
  ],
  regionAttributes: () => ({ location: 'Global' }),
});
