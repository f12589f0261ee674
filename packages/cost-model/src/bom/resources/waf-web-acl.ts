import { dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

export interface WafWebAclResource {
  /** Rules and rule groups in the web ACL (each group bills as one rule). */
  readonly rules: number;
  /** Web requests the web ACL inspects a month. */
  readonly requests: number;
}

export const wafWebAcl: ResourceType<WafWebAclResource> = {
  type: 'waf_web_acl',
  description: 'AWS WAF web ACL: the ACL, its rules and the requests it inspects',
  fields: { rules: { kind: 'count', required: true }, requests: { kind: 'number', required: true } },
  toDrafts: (r) => [
    { service: 'WAF', resource: r.name, component: 'Web ACL', quantity: dec(1), unit: 'ACL-months', price: { kind: 'dimension', key: 'waf/web-acl' } },
    { service: 'WAF', resource: r.name, component: 'Rules', quantity: dec(r.rules), unit: 'rule-months', price: { kind: 'dimension', key: 'waf/rules' } },
    { service: 'WAF', resource: r.name, component: 'Requests inspected', quantity: dec(r.requests).div(1e6), unit: '1M requests', price: { kind: 'dimension', key: 'waf/requests' } },
  ],
};
