import { dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

export interface WafWebAclResource {
  /** Web ACLs; default 1. */
  readonly webAcls?: number;
  /** Rules and rule groups over all its web ACLs (each group bills as one rule). */
  readonly rules: number;
  /** Web requests the web ACLs inspect a month. */
  readonly requests: number;
}

export const wafWebAcl: ResourceType<WafWebAclResource> = {
  type: 'waf_web_acl',
  description: 'AWS WAF web ACLs, their rules and the requests they inspect',
  fields: { webAcls: { kind: 'count' }, rules: { kind: 'count', required: true }, requests: { kind: 'number', required: true } },
  toDrafts: (r) => [
    { service: 'WAF', resource: r.name, component: 'Web ACL', quantity: dec(r.webAcls ?? 1), unit: 'ACL-months', price: { kind: 'dimension', key: 'waf/web-acl' } },
    { service: 'WAF', resource: r.name, component: 'Rules', quantity: dec(r.rules), unit: 'rule-months', price: { kind: 'dimension', key: 'waf/rules' } },
    { service: 'WAF', resource: r.name, component: 'Requests inspected', quantity: dec(r.requests).div(1e6), unit: '1M requests', price: { kind: 'dimension', key: 'waf/requests' } },
  ],
};
