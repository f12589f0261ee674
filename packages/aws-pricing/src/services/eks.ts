import { fixedRulesService, inRegion } from '../service-definition.js';

// EKS control plane. The Price List lists extended support as an add-on usage type
// (AmazonEKS-Hours:extendedSupport) on top of the standard cluster-hour; the snapshot stores the
// total a cluster in extended support pays, so that key is the sum of the two.
export const eksService = fixedRulesService({
  name: 'EKS',
  queries: (region) => [inRegion('AmazonEKS', region, { productFamily: 'Compute' })],
  rules: [
    {
      key: 'eks/cluster/standard-support',
      service: 'EKS',
      description: 'EKS cluster, standard support',
      unit: 'hours',
      match: { serviceCode: 'AmazonEKS', productFamily: 'Compute', usagetype: 'AmazonEKS-Hours:perCluster' },
      shape: 'flat',
    },
    {
      key: 'eks/cluster/extended-support',
      service: 'EKS',
      description: 'EKS cluster, extended support (total, replaces standard)',
      unit: 'hours',
      match: { serviceCode: 'AmazonEKS', productFamily: 'Compute', usagetype: 'AmazonEKS-Hours:extendedSupport' },
      shape: 'flat',
      plusKey: 'eks/cluster/standard-support',
    },
  ],
});
