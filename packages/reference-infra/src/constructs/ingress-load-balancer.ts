import {
  AutoscalingAttachment,
  Construct,
  Lb,
  LbTargetGroup,
  SecurityGroup,
  VpcSecurityGroupEgressRule,
  VpcSecurityGroupIngressRule,
} from '../cdk/aws.js';
import type { InfraSpec } from '../plan-input/infra-spec.js';
import { shortName } from '../plan-input/names.js';
import { albListeners } from './alb-listeners.js';
import type { Network } from './network.js';

export interface IngressLoadBalancerProps {
  readonly spec: InfraSpec;
  readonly network: Network;
  /** The ingress controller's HTTP NodePort on every node (a Terraform variable). */
  readonly nodePort: number;
  /** Path the target group checks on the NodePort (a Terraform variable). */
  readonly healthCheckPath: string;
  /** ACM certificate ARN, or "" for HTTP only (a Terraform variable). */
  readonly certificateArn: string;
  /** The security group the nodes carry: only it is opened, and only to the ALB. */
  readonly nodeSecurityGroupId: string;
}

/**
 * The plan's ALB on Kubernetes, made with the AWS provider alone (no in-cluster controller): an
 * internet-facing ALB in the public subnets whose instance target group forwards to the ingress
 * controller's NodePort on the nodes' Auto Scaling groups. HTTPS when a certificate is given, and
 * then HTTP only redirects to it.
 */
export class IngressLoadBalancer extends Construct {
  readonly loadBalancer: Lb;
  readonly targetGroup: LbTargetGroup;
  readonly securityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: IngressLoadBalancerProps) {
    super(scope, id);
    const { spec, network, nodePort } = props;
    const prefix = `${shortName(spec.planName, 30)}-`;
    this.securityGroup = new SecurityGroup(this, 'alb-sg', { namePrefix: prefix, description: 'internet-facing ALB in front of the ingress controller', vpcId: network.vpc.id });
    for (const port of [80, 443]) {
      new VpcSecurityGroupIngressRule(this, `alb-${port}-in`, { securityGroupId: this.securityGroup.id, cidrIpv4: '0.0.0.0/0', fromPort: port, toPort: port, ipProtocol: 'tcp', description: `port ${port} from the internet` });
    }
    new VpcSecurityGroupEgressRule(this, 'alb-to-nodes', { securityGroupId: this.securityGroup.id, referencedSecurityGroupId: props.nodeSecurityGroupId, fromPort: nodePort, toPort: nodePort, ipProtocol: 'tcp', description: 'to the ingress NodePort' });
    new VpcSecurityGroupIngressRule(this, 'nodes-from-alb', { securityGroupId: props.nodeSecurityGroupId, referencedSecurityGroupId: this.securityGroup.id, fromPort: nodePort, toPort: nodePort, ipProtocol: 'tcp', description: 'ingress NodePort from the ALB' });

    // One subnet per VPC AZ: the plan prices a public IPv4 address for each.
    this.loadBalancer = new Lb(this, 'alb', {
      namePrefix: 'tp-',
      loadBalancerType: 'application',
      internal: false,
      subnets: network.publicSubnets.map((s) => s.id),
      securityGroups: [this.securityGroup.id],
      dropInvalidHeaderFields: true,
    });
    this.targetGroup = new LbTargetGroup(this, 'nodes', {
      namePrefix: 'tp-',
      targetType: 'instance',
      port: nodePort,
      protocol: 'HTTP',
      vpcId: network.vpc.id,
      healthCheck: { path: props.healthCheckPath, port: 'traffic-port', matcher: '200-399' },
    });

    albListeners(this, this.loadBalancer.arn, props.certificateArn, this.targetGroup.arn);
  }

  /** Registers every instance of an Auto Scaling group with the target group (and later ones at launch). */
  attach(id: string, autoscalingGroupName: string): AutoscalingAttachment {
    return new AutoscalingAttachment(this, `attach-${id}`, { autoscalingGroupName, lbTargetGroupArn: this.targetGroup.arn });
  }
}
