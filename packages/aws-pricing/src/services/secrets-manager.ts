import { fixedRulesService, inRegion } from '../service-definition.js';

const SM = 'AWSSecretsManager';

export const secretsManagerService = fixedRulesService({
  name: 'Secrets Manager',
  queries: (region) => [inRegion(SM, region)],
  rules: [
    {
      key: 'secretsmanager/secrets',
      service: 'Secrets Manager',
      description: 'Secrets',
      unit: 'secret-months',
      match: { serviceCode: SM, productFamily: 'Secret' },
      shape: 'flat',
    },
    {
      key: 'secretsmanager/api-requests',
      service: 'Secrets Manager',
      description: 'API requests',
      unit: '10k requests',
      match: { serviceCode: SM, productFamily: 'API Request' },
      shape: 'flat',
      unitPower: 4,
    },
  ],
});
