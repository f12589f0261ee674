import { fixedRulesService, inRegion } from '../service-definition.js';

// NAT gateways are in the AmazonEC2 price list; public IPv4 addresses (in use, and idle Elastic
// IPs since February 2024) are in AmazonVPC with no productFamily, so only the usage type tells
// them apart.
export const vpcService = fixedRulesService({
  name: 'VPC',
  queries: (region) => [inRegion('AmazonEC2', region, { productFamily: 'NAT Gateway' }), inRegion('AmazonVPC', region)],
  rules: [
    {
      key: 'vpc/nat-gateway/hours',
      service: 'VPC',
      description: 'NAT gateway',
      unit: 'hours',
      match: { serviceCode: 'AmazonEC2', productFamily: 'NAT Gateway', usagetype: 'NatGateway-Hours' },
      shape: 'flat',
    },
    {
      key: 'vpc/nat-gateway/data-processed',
      service: 'VPC',
      description: 'Data processed (NAT gateway)',
      unit: 'GB',
      match: { serviceCode: 'AmazonEC2', productFamily: 'NAT Gateway', usagetype: 'NatGateway-Bytes' },
      shape: 'flat',
    },
    {
      key: 'vpc/public-ipv4/hours',
      service: 'VPC',
      description: 'Public IPv4 address (in use)',
      unit: 'hours',
      match: { serviceCode: 'AmazonVPC', usagetype: 'PublicIPv4:InUseAddress' },
      shape: 'flat',
      skipFreeTier: true,
    },
    {
      key: 'ec2/elastic-ip/idle',
      service: 'EC2',
      description: 'Elastic IP address (unattached)',
      unit: 'hours',
      match: { serviceCode: 'AmazonVPC', usagetype: 'PublicIPv4:IdleAddress' },
      shape: 'flat',
    },
  ],
});
