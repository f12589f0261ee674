import {
  AppautoscalingPolicy,
  AppautoscalingTarget,
  CloudwatchLogGroup,
  Construct,
  EcsCluster,
  EcsClusterCapacityProviders,
  EcsService,
  EcsTaskDefinition,
  Fn,
  Lb,
  LbListenerRule,
  LbTargetGroup,
  Op,
  SecurityGroup,
  VpcSecurityGroupEgressRule,
  VpcSecurityGroupIngressRule,
  type EcrRepository,
} from '../cdk/aws.js';
import type { InfraSpec } from '../plan-input/infra-spec.js';
import { shortName } from '../plan-input/names.js';
import { ServiceRole } from './iam.js';
import type { Network } from './network.js';
import { albListeners, type AlbListeners } from './alb-listeners.js';
import { when } from './opt-out.js';

export interface FargateServicesProps {
  readonly spec: InfraSpec;
  readonly network: Network;
  readonly repositories: ReadonlyMap<string, EcrRepository>;
  readonly logGroup: CloudwatchLogGroup;
  /** Image tag every service runs (a Terraform variable; empty until the first image is pushed). */
  readonly imageTag: string;
  /** Port the containers listen on (a Terraform variable). */
  readonly containerPort: number;
  /** ACM certificate ARN for HTTPS on the ALB, or "" for HTTP only (a Terraform variable). */
  readonly certificateArn?: string;
}

/**
 * ECS on Fargate for the plan's Fargate profiles: one service per plan task with the plan's size,
 * count, architecture and Spot choice, in the private subnets behind one internet-facing ALB.
 * Until an image tag is given the services run no task (the repositories are still empty), and with
 * one Terraform waits for the tasks to run, so a deploy succeeds only when they do.
 */
export class FargateServices extends Construct {
  readonly cluster: EcsCluster;
  readonly services: EcsService[] = [];
  readonly loadBalancer?: Lb;
  /** The tasks' security group: the data stores accept it as a source. */
  readonly tasksSecurityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: FargateServicesProps) {
    super(scope, id);
    const { spec, network } = props;
    const prefix = `${shortName(spec.planName, 30)}-`;
    // Container Insights is billed per metric and the plan does not price it: off unless you add it.
    this.cluster = new EcsCluster(this, 'cluster', { name: shortName(spec.planName, 255), setting: [{ name: 'containerInsights', value: 'disabled' }] });
    const capacity = new EcsClusterCapacityProviders(this, 'capacity', { clusterName: this.cluster.name, capacityProviders: ['FARGATE', 'FARGATE_SPOT'] });
    const execution = new ServiceRole(this, 'execution-role', { namePrefix: prefix, service: 'ecs-tasks.amazonaws.com', managedPolicies: ['service-role/AmazonECSTaskExecutionRolePolicy'] });
    const task = new ServiceRole(this, 'task-role', { namePrefix: prefix, service: 'ecs-tasks.amazonaws.com' });

    const tasksSg = (this.tasksSecurityGroup = new SecurityGroup(this, 'tasks-sg', { namePrefix: prefix, description: 'Fargate tasks: from the ALB only', vpcId: network.vpc.id }));
    new VpcSecurityGroupEgressRule(this, 'tasks-out', { securityGroupId: tasksSg.id, cidrIpv4: '0.0.0.0/0', ipProtocol: '-1', description: 'images, AWS APIs, data stores' });

    let listener: AlbListeners | undefined;
    if (spec.loadBalancer) {
      const albSg = new SecurityGroup(this, 'alb-sg', { namePrefix: prefix, description: 'internet-facing ALB', vpcId: network.vpc.id });
      for (const port of [80, 443]) {
        new VpcSecurityGroupIngressRule(this, port === 80 ? 'alb-http-in' : 'alb-https-in', { securityGroupId: albSg.id, cidrIpv4: '0.0.0.0/0', fromPort: port, toPort: port, ipProtocol: 'tcp', description: `port ${port} from the internet` });
      }
      new VpcSecurityGroupEgressRule(this, 'alb-to-tasks', { securityGroupId: albSg.id, referencedSecurityGroupId: tasksSg.id, fromPort: props.containerPort, toPort: props.containerPort, ipProtocol: 'tcp', description: 'to the tasks' });
      new VpcSecurityGroupIngressRule(this, 'tasks-from-alb', { securityGroupId: tasksSg.id, referencedSecurityGroupId: albSg.id, fromPort: props.containerPort, toPort: props.containerPort, ipProtocol: 'tcp', description: 'from the ALB' });
      this.loadBalancer = new Lb(this, 'alb', {
        namePrefix: 'tp-',
        loadBalancerType: 'application',
        internal: false,
        subnets: network.publicSubnets.map((s) => s.id),
        securityGroups: [albSg.id],
        dropInvalidHeaderFields: true,
      });
    }

    // No image to run before the first push: zero tasks, and a tag that names no image yet.
    // (Op renders a literal 0 or "" operand as undefined, so: length >= 1.)
    const imagePushed = Op.gte(Fn.lengthOf(props.imageTag), 1);
    const imageTag = when(imagePushed, props.imageTag, 'none-pushed-yet');

    spec.fargateServices.forEach((svc, i) => {
      const repo = props.repositories.get(svc.service);
      if (!repo) throw new Error(`plan has a Fargate task for "${svc.service}" but no such service`);
      const image = `${repo.repositoryUrl}:${imageTag}`;
      const definition = new EcsTaskDefinition(this, `task-${svc.service}`, {
        family: shortName(`${spec.planName}-${svc.service}`, 255),
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: String(svc.cpuUnits),
        memory: String(svc.memoryMiB),
        runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: svc.arch === 'arm64' ? 'ARM64' : 'X86_64' },
        executionRoleArn: execution.role.arn,
        taskRoleArn: task.role.arn,
        // jsonencode, not JSON.stringify: the port is a Terraform variable, resolved at plan time.
        containerDefinitions: Fn.jsonencode([
          {
            name: svc.service,
            image,
            essential: true,
            portMappings: [{ containerPort: props.containerPort, protocol: 'tcp' }],
            logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': props.logGroup.name, 'awslogs-region': spec.region, 'awslogs-stream-prefix': svc.service } },
          },
        ]),
      });
      let target: LbTargetGroup | undefined;
      if (this.loadBalancer) {
        target = new LbTargetGroup(this, `target-${svc.service}`, {
          namePrefix: 'tp-',
          port: props.containerPort,
          protocol: 'HTTP',
          targetType: 'ip',
          vpcId: network.vpc.id,
          healthCheck: { path: '/', matcher: '200-399' },
        });
        if (!listener) {
          // The first service takes the default route; the others are reached under /<service>/.
          listener = albListeners(this, this.loadBalancer.arn, props.certificateArn ?? '', target.arn);
        } else {
          new LbListenerRule(this, `route-${svc.service}`, {
            // On the HTTPS listener when there is one, so HTTP only ever redirects.
            listenerArn: listener.servingListenerArn,
            priority: 10 + i,
            action: [{ type: 'forward', targetGroupArn: target.arn }],
            condition: [{ pathPattern: { values: [`/${svc.service}/*`] } }],
          });
        }
      }
      const service = new EcsService(this, `service-${svc.service}`, {
          name: svc.service,
          cluster: this.cluster.arn,
          taskDefinition: definition.arn,
          desiredCount: when(imagePushed, svc.count, 0),
          // Terraform waits until the tasks run; a failing deployment stops and rolls back.
          waitForSteadyState: true,
          deploymentCircuitBreaker: { enable: true, rollback: true },
          capacityProviderStrategy: [{ capacityProvider: svc.spot ? 'FARGATE_SPOT' : 'FARGATE', weight: 1 }],
          networkConfiguration: { subnets: network.nodeSubnets.map((s) => s.id), securityGroups: [tasksSg.id], assignPublicIp: false },
          ...(target ? { loadBalancer: [{ targetGroupArn: target.arn, containerName: svc.service, containerPort: props.containerPort }] } : {}),
          // Tasks carry the service's tags, so their spend lands on the plan too.
          propagateTags: 'SERVICE',
          enableEcsManagedTags: true,
          // A capacity-provider strategy needs the providers on the cluster first.
          dependsOn: listener ? [capacity, listener.http, listener.https] : [capacity],
          lifecycle: {
            // A rolled-back deployment also ends steady: only the new task definition running is success.
            postcondition: [{ condition: `\${self.task_definition == ${definition.arn}}`, errorMessage: `${svc.service}: its new tasks did not start and ECS rolled back to the previous task definition (is image_tag pushed to the service's repository?)` }],
          },
        });
      this.services.push(service);
      if (svc.floor < svc.count) this.scaleWithLoad(svc, service, imagePushed);
    });
  }

  /**
   * ECS Service Auto Scaling between the plan's floor and its peak, holding the plan's CPU target,
   * as the plan prices it (docs/methodology.md, "Load over the day"). Before the first image, 0 to 0.
   */
  private scaleWithLoad(svc: InfraSpec['fargateServices'][number], service: EcsService, imagePushed: ReturnType<typeof Op.gte>): void {
    const target = new AppautoscalingTarget(this, `scaling-${svc.service}`, {
      serviceNamespace: 'ecs',
      scalableDimension: 'ecs:service:DesiredCount',
      resourceId: `service/${this.cluster.name}/${service.name}`,
      minCapacity: when(imagePushed, svc.floor, 0),
      maxCapacity: when(imagePushed, svc.count, 0),
    });
    new AppautoscalingPolicy(this, `scaling-cpu-${svc.service}`, {
      name: shortName(`${svc.service}-cpu`, 255),
      policyType: 'TargetTrackingScaling',
      serviceNamespace: target.serviceNamespace,
      scalableDimension: target.scalableDimension,
      resourceId: target.resourceId,
      targetTrackingScalingPolicyConfiguration: {
        targetValue: svc.targetCpuPercent,
        predefinedMetricSpecification: { predefinedMetricType: 'ECSServiceAverageCPUUtilization' },
      },
    });
  }
}
