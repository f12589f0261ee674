import { AutoscalingGroup, Construct, DataAwsSsmParameter, IamInstanceProfile, SecurityGroup, VpcSecurityGroupEgressRule, VpcSecurityGroupIngressRule } from '../cdk/aws.js';
import type { InfraSpec } from '../plan-input/infra-spec.js';
import { shortName } from '../plan-input/names.js';
import { ServiceRole } from './iam.js';
import type { Network } from './network.js';
import { nodeLaunchTemplate } from './node-launch-template.js';

/** Amazon Linux 2023's current AMI, from AWS's public SSM parameters. */
const AL2023_AMI = { x86_64: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64', arm64: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64' } as const;

/**
 * Self-managed Kubernetes (platform kubernetes-ec2): the plan's nodes as EC2 Auto Scaling groups
 * on IMDSv2 launch templates in the private subnets. Installing Kubernetes on them (kubeadm, k3s…)
 * is the operator's: the plan has no control-plane fee because there is no EKS.
 */
export class SelfManagedNodes extends Construct {
  readonly groups: AutoscalingGroup[];
  readonly securityGroup: SecurityGroup;
  private readonly groupNames: string[];

  constructor(scope: Construct, id: string, props: { readonly spec: InfraSpec; readonly network: Network }) {
    super(scope, id);
    const { spec, network } = props;
    const prefix = `${shortName(spec.planName, 30)}-`;
    // SSM Session Manager instead of SSH: no inbound port is opened to reach the nodes.
    const role = new ServiceRole(this, 'node-role', { namePrefix: prefix, service: 'ec2.amazonaws.com', managedPolicies: ['AmazonSSMManagedInstanceCore'] });
    const profile = new IamInstanceProfile(this, 'node-profile', { namePrefix: prefix, role: role.role.name });
    this.securityGroup = new SecurityGroup(this, 'nodes-sg', { namePrefix: prefix, description: 'self-managed Kubernetes nodes: node-to-node only', vpcId: network.vpc.id });
    new VpcSecurityGroupIngressRule(this, 'nodes-from-nodes', { securityGroupId: this.securityGroup.id, referencedSecurityGroupId: this.securityGroup.id, ipProtocol: '-1', description: 'node to node' });
    new VpcSecurityGroupEgressRule(this, 'nodes-out', { securityGroupId: this.securityGroup.id, cidrIpv4: '0.0.0.0/0', ipProtocol: '-1', description: 'images, packages, AWS APIs' });

    const amis = new Map<string, DataAwsSsmParameter>();
    const ami = (arch: 'x86_64' | 'arm64') => {
      if (!amis.has(arch)) amis.set(arch, new DataAwsSsmParameter(this, `ami-${arch}`, { name: AL2023_AMI[arch] }));
      return amis.get(arch)!.value;
    };
    this.groupNames = spec.nodeGroups.map((g) => g.name);
    this.groups = spec.nodeGroups.map((group) => {
      const template = nodeLaunchTemplate(this, `nodes-${group.name}-template`, {
        group,
        namePrefix: `${prefix}${group.name}-`,
        tags: spec.tags,
        imageId: ami(group.arch),
        instanceType: group.instanceType,
        instanceProfileArn: profile.arn,
        securityGroupIds: [this.securityGroup.id],
        spot: group.capacityType === 'SPOT',
      });
      return new AutoscalingGroup(this, `nodes-${group.name}`, {
        namePrefix: `${prefix}${group.name}-`,
        minSize: group.min,
        desiredCapacity: group.desired,
        maxSize: group.max,
        vpcZoneIdentifier: network.nodeSubnets.map((s) => s.id),
        launchTemplate: { id: template.id, version: '$Latest' },
        tag: Object.entries(spec.tags).map(([key, value]) => ({ key, value, propagateAtLaunch: true })),
        // The ALB's target group is attached with aws_autoscaling_attachment, which the provider
        // requires the group to ignore. EC2 health checks: nodes stay up before an ingress runs.
        lifecycle: { ignoreChanges: ['load_balancers', 'target_group_arns'] },
      });
    });
  }

  /** Each Auto Scaling group, as [plan node group name, ASG name]. */
  autoscalingGroups(): [string, string][] {
    return this.groups.map((g, i) => [this.groupNames[i]!, g.name]);
  }
}
