import type { DimensionRule } from '../dimension-rule.js';
import { fixedRulesService, inRegion } from '../service-definition.js';

// Fargate rates are listed under AmazonECS (EKS on Fargate bills the same usage types).
// Fargate Spot floats and is not fetched: its keys end up in `missing`.
const rule = (key: string, description: string, unit: string, usagetype: string): DimensionRule => ({
  key: `fargate/${key}`,
  service: 'Fargate',
  description,
  unit,
  match: { serviceCode: 'AmazonECS', productFamily: 'Compute', usagetype },
  shape: 'flat',
});

export const fargateService = fixedRulesService({
  name: 'Fargate',
  queries: (region) => [inRegion('AmazonECS', region, { productFamily: 'Compute' })],
  rules: [
    rule('linux-x86/vcpu-hours', 'Fargate vCPU (Linux, x86)', 'vCPU-hours', 'Fargate-vCPU-Hours:perCPU'),
    rule('linux-x86/gb-hours', 'Fargate memory (Linux, x86)', 'GB-hours', 'Fargate-GB-Hours'),
    rule('linux-arm64/vcpu-hours', 'Fargate vCPU (Linux, Arm)', 'vCPU-hours', 'Fargate-ARM-vCPU-Hours:perCPU'),
    rule('linux-arm64/gb-hours', 'Fargate memory (Linux, Arm)', 'GB-hours', 'Fargate-ARM-GB-Hours'),
    rule('ephemeral-storage/gb-hours', 'Fargate ephemeral storage above 20 GB', 'GB-hours', 'Fargate-EphemeralStorage-GB-Hours'),
  ],
});
