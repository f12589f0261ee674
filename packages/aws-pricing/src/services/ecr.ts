import { fixedRulesService, inRegion } from '../service-definition.js';

export const ecrService = fixedRulesService({
  name: 'ECR',
  queries: (region) => [inRegion('AmazonECR', region, { productFamily: 'EC2 Container Registry' })],
  rules: [
    {
      key: 'ecr/storage',
      service: 'ECR',
      description: 'Storage (ECR images)',
      unit: 'GB-months',
      match: { serviceCode: 'AmazonECR', productFamily: 'EC2 Container Registry', usagetype: 'TimedStorage-ByteHrs' },
      shape: 'flat',
    },
  ],
});
