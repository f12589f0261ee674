import { fixedRulesService, inRegion } from '../service-definition.js';

// KMS usage types carry the region code itself as prefix ("us-east-1-KMS-Keys").
export const kmsService = fixedRulesService({
  name: 'KMS',
  queries: (region) => [inRegion('awskms', region)],
  rules: [
    {
      key: 'kms/customer-managed-key',
      service: 'KMS',
      description: 'Customer managed key',
      unit: 'key-months',
      match: { serviceCode: 'awskms', productFamily: 'Encryption Key', usagetype: 'KMS-Keys' },
      shape: 'flat',
      skipFreeTier: true,
    },
    {
      key: 'kms/requests',
      service: 'KMS',
      description: 'Requests (symmetric)',
      unit: '10k requests',
      match: { serviceCode: 'awskms', usagetype: 'KMS-Requests' },
      shape: 'flat',
      unitPower: 4,
      // The free 20,000 requests a month are not modelled.
      skipFreeTier: true,
    },
  ],
});
