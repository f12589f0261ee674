import { CloudwatchLogGroup, Construct, DataAwsAvailabilityZones, DefaultSecurityGroup, Eip, FlowLog, Fn, IamRole, IamRolePolicy, InternetGateway, NatGateway, Route, RouteTable, RouteTableAssociation, Subnet, Vpc, type IResolvable } from '../cdk/aws.js';
import { shortName } from '../plan-input/names.js';
import { attributeWhen, countWhen } from './opt-out.js';
import type { InfraSpec } from '../plan-input/infra-spec.js';

export interface NetworkProps {
  readonly spec: InfraSpec;
  /** The VPC's IPv4 range (a Terraform variable). */
  readonly vpcCidr: string;
  /** Subnet tags that let Kubernetes load balancer controllers find them (EKS only). */
  readonly kubernetesSubnetTags: boolean;
  /** VPC flow logs to CloudWatch Logs (a Terraform bool, on by default), kept `logRetentionDays`. */
  readonly flowLogs: boolean | IResolvable;
  readonly logRetentionDays: number;
}

/**
 * VPC over the plan's AZs: a public and a private subnet per AZ, an Internet gateway, and the
 * plan's NAT gateways (none, one, or one per AZ) as the private subnets' default route.
 * The VPC always has subnets in two AZs at least (ALB, EKS, DB subnet groups and MSK need two);
 * empty subnets cost nothing, and nodes run only in the plan's AZs (`nodeSubnets`).
 */
export class Network extends Construct {
  readonly vpc: Vpc;
  readonly publicSubnets: Subnet[] = [];
  readonly privateSubnets: Subnet[] = [];
  readonly natGateways: NatGateway[] = [];
  /** Private subnets in the plan's AZs: where nodes and tasks run. */
  readonly nodeSubnets: Subnet[];
  readonly flowLog: FlowLog;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const { spec } = props;
    const zones = new DataAwsAvailabilityZones(this, 'zones', {
      state: 'available',
      filter: [{ name: 'opt-in-status', values: ['opt-in-not-required'] }],
    });
    this.vpc = new Vpc(this, 'vpc', { cidrBlock: props.vpcCidr, enableDnsHostnames: true, enableDnsSupport: true, tags: { Name: spec.planName } });
    // The default security group allows all traffic between its members: take every rule away.
    new DefaultSecurityGroup(this, 'default-sg-closed', { vpcId: this.vpc.id, ingress: [], egress: [] });
    const igw = new InternetGateway(this, 'igw', { vpcId: this.vpc.id });

    const publicRoutes = new RouteTable(this, 'public-routes', { vpcId: this.vpc.id, tags: { Name: `${spec.planName} public` } });
    new Route(this, 'public-default', { routeTableId: publicRoutes.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw.id });

    for (let i = 0; i < spec.vpcAzs; i++) {
      const az = Fn.element(zones.names, i);
      // /20 private subnets (4,096 addresses: the VPC CNI gives every pod one); /24 public ones.
      const pub = new Subnet(this, `public-${i}`, {
        vpcId: this.vpc.id,
        availabilityZone: az,
        cidrBlock: Fn.cidrsubnet(props.vpcCidr, 8, 240 + i),
        mapPublicIpOnLaunch: false,
        tags: { Name: `${spec.planName} public ${i}`, ...(props.kubernetesSubnetTags ? { 'kubernetes.io/role/elb': '1' } : {}) },
      });
      const priv = new Subnet(this, `private-${i}`, {
        vpcId: this.vpc.id,
        availabilityZone: az,
        cidrBlock: Fn.cidrsubnet(props.vpcCidr, 4, i),
        mapPublicIpOnLaunch: false,
        tags: { Name: `${spec.planName} private ${i}`, ...(props.kubernetesSubnetTags ? { 'kubernetes.io/role/internal-elb': '1' } : {}) },
      });
      new RouteTableAssociation(this, `public-${i}-routes`, { subnetId: pub.id, routeTableId: publicRoutes.id });
      this.publicSubnets.push(pub);
      this.privateSubnets.push(priv);
    }

    for (let i = 0; i < spec.natGateways; i++) {
      const ip = new Eip(this, `nat-${i}-ip`, { domain: 'vpc', tags: { Name: `${spec.planName} nat ${i}` } });
      // More NAT gateways than AZs (one gateway's bandwidth is exceeded) go round the AZs' public subnets;
      // routing private traffic over them needs more private subnets, which this stack does not build.
      const subnet = this.publicSubnets[i % this.publicSubnets.length]!;
      this.natGateways.push(new NatGateway(this, `nat-${i}`, { allocationId: ip.id, subnetId: subnet.id, tags: { Name: `${spec.planName} nat ${i}` }, dependsOn: [igw] }));
    }

    this.privateSubnets.forEach((subnet, i) => {
      const routes = new RouteTable(this, `private-${i}-routes`, { vpcId: this.vpc.id, tags: { Name: `${spec.planName} private ${i}` } });
      new RouteTableAssociation(this, `private-${i}-association`, { subnetId: subnet.id, routeTableId: routes.id });
      // One NAT serves every AZ; per-AZ NATs keep each AZ's traffic (and failure) in the AZ.
      const nat = this.natGateways[Math.min(i, this.natGateways.length - 1)];
      if (nat) new Route(this, `private-${i}-default`, { routeTableId: routes.id, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat.id });
    });
    this.nodeSubnets = this.privateSubnets.slice(0, spec.azs);
    this.flowLog = this.addFlowLogs(spec.planName, props);
  }

  /** Every accepted and rejected flow of the VPC, to its own log group, through a role that can write only there. */
  private addFlowLogs(planName: string, props: NetworkProps): FlowLog {
    const count = countWhen(props.flowLogs);
    const group = new CloudwatchLogGroup(this, 'flow-logs', { count, name: `/tier-planner/${shortName(planName, 200)}/vpc-flow-logs`, retentionInDays: props.logRetentionDays });
    const groupArn = attributeWhen(group, 'arn');
    const role = new IamRole(this, 'flow-logs-role', {
      count,
      namePrefix: `${shortName(planName, 28)}-flowlogs-`,
      assumeRolePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'vpc-flow-logs.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
    });
    new IamRolePolicy(this, 'flow-logs-write', {
      count,
      role: attributeWhen(role, 'id'),
      name: 'write-flow-logs',
      // The permissions AWS documents for flow logs to CloudWatch Logs, on this one group.
      policy: Fn.jsonencode({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], Resource: [groupArn, `${groupArn}:*`] },
          { Effect: 'Allow', Action: ['logs:DescribeLogGroups'], Resource: '*' },
        ],
      }),
    });
    return new FlowLog(this, 'flow-log', {
      count,
      vpcId: this.vpc.id,
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: groupArn,
      iamRoleArn: attributeWhen(role, 'arn'),
    });
  }

}
