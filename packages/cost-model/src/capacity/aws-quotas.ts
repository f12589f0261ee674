// AWS's documented default quotas and limits that bind a large plan. The EKS defaults are the last
// ones AWS printed inline in its user guide (live values are in Service Quotas and can be raised);
// each names where it was read. data/pricing/scripts/aws-quotas.test.ts checks them against the
// shared facts file they were taken from.

export interface AwsQuota {
  /** The quota's name as AWS gives it. */
  readonly name: string;
  readonly defaultValue: number;
  readonly adjustable: boolean;
  readonly source: string;
}

const EKS_QUOTAS_2021 =
  'AWS EKS user guide "Amazon EKS service quotas" (https://docs.aws.amazon.com/eks/latest/userguide/service-quotas.html), read as github.com/awsdocs/amazon-eks-user-guide doc_source/service-quotas.md @ 38b9478a324b3459760c8cb3c6de5637a932fa39 (2021-02-01, last version with the table inline)';

export const NODES_PER_MANAGED_NODE_GROUP: AwsQuota = { name: 'Nodes per managed node group', defaultValue: 450, adjustable: true, source: EKS_QUOTAS_2021 };
export const MANAGED_NODE_GROUPS_PER_CLUSTER: AwsQuota = { name: 'Managed node groups per cluster', defaultValue: 30, adjustable: true, source: EKS_QUOTAS_2021 };
export const CLUSTERS_PER_REGION: AwsQuota = { name: 'Clusters (per account per Region)', defaultValue: 100, adjustable: true, source: EKS_QUOTAS_2021 };

/** "A NAT gateway supports 5 Gbps of bandwidth and automatically scales up to 100 Gbps" (more: one NAT gateway per subnet). */
export const NAT_GATEWAY_MAX_GBPS: AwsQuota = {
  name: 'NAT gateway bandwidth (Gbps)',
  defaultValue: 100,
  adjustable: false,
  source: 'AWS VPC user guide "NAT gateway basics" (https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html, read 2026-12-01)',
};

/** AWS reserves the first four and the last IPv4 address of every subnet. */
export const SUBNET_RESERVED_ADDRESSES: AwsQuota = {
  name: 'IPv4 addresses AWS reserves per subnet',
  defaultValue: 5,
  adjustable: false,
  source: 'AWS EC2 API reference, CreateSubnet (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSubnet.html, read 2026-12-01 in its docs.amazonaws.cn copy): "reserves both the first four and the last IPv4 address in each subnet\'s CIDR block"',
};

/** The largest IPv4 subnet AWS allows (a /16), same source. */
export const LARGEST_SUBNET_PREFIX = 16;
