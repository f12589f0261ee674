import type { DimensionRule } from '../dimension-rule.js';
import { fixedRulesService, inRegion } from '../service-definition.js';

// Usage types are compared whole (after the region prefix), so the ALB trust-store line
// "TS-LoadBalancerUsage" is not mistaken for the load balancer hour.
const FAMILY = { alb: 'Load Balancer-Application', nlb: 'Load Balancer-Network' } as const;

const rule = (kind: keyof typeof FAMILY, what: 'hours' | 'lcu'): DimensionRule => ({
  key: `elb/${kind}/${what === 'hours' ? 'hours' : kind === 'alb' ? 'lcu-hours' : 'nlcu-hours'}`,
  service: 'ELB',
  description:
    what === 'hours'
      ? `${kind === 'alb' ? 'Application' : 'Network'} load balancer`
      : `Load balancer capacity units (${kind.toUpperCase()})`,
  unit: what === 'hours' ? 'hours' : kind === 'alb' ? 'LCU-hours' : 'NLCU-hours',
  match: { serviceCode: 'AWSELB', productFamily: FAMILY[kind], usagetype: what === 'hours' ? 'LoadBalancerUsage' : 'LCUUsage' },
  shape: 'flat',
});

export const elbService = fixedRulesService({
  name: 'ELB',
  queries: (region) => Object.values(FAMILY).map((productFamily) => inRegion('AWSELB', region, { productFamily })),
  rules: [rule('alb', 'hours'), rule('alb', 'lcu'), rule('nlb', 'hours'), rule('nlb', 'lcu')],
});
