import { Aspects, AwsProvider, CloudwatchLogGroup, TerraformOutput, TerraformStack, type Construct } from '../cdk/aws.js';
import { CostGuardrails } from '../constructs/cost-guardrails.js';
import { DataStores } from '../constructs/data-stores.js';
import { EksClusterStack } from '../constructs/eks-cluster.js';
import { ExporterRole } from '../constructs/exporter-role.js';
import { FargateServices } from '../constructs/fargate-services.js';
import { IngressLoadBalancer } from '../constructs/ingress-load-balancer.js';
import { retentionAtLeast } from '../constructs/log-retention.js';
import { Network } from '../constructs/network.js';
import { ObjectStorage } from '../constructs/object-storage.js';
import { attributeWhen } from '../constructs/opt-out.js';
import { Registry } from '../constructs/registry.js';
import { SelfManagedNodes } from '../constructs/self-managed-nodes.js';
import { TagEveryResource } from '../constructs/tag-every-resource.js';
import type { InfraSpec } from '../plan-input/infra-spec.js';
import { shortName } from '../plan-input/names.js';
import { configureStateBackend, type StateBackendEnvironment } from './state-backend.js';
import { declareVariables, type IngressVariables } from './variables.js';

/** The stack id: cdktf.out/stacks/<id>, and `cdktf deploy <id>`. */
export const STACK_ID = 'tier-planner';

export interface ReferenceStackProps {
  readonly spec: InfraSpec;
  readonly state?: StateBackendEnvironment;
}

/** Everything a plan recommends, as one Terraform stack. */
export class ReferenceStack extends TerraformStack {
  readonly spec: InfraSpec;

  constructor(scope: Construct, id: string, props: ReferenceStackProps) {
    super(scope, id);
    const { spec } = props;
    this.spec = spec;
    configureStateBackend(this, spec, props.state ?? {});
    new AwsProvider(this, 'aws', { region: spec.region, defaultTags: [{ tags: { ...spec.tags } }] });
    Aspects.of(this).add(new TagEveryResource(spec.tags));

    const vars = declareVariables(this, spec);
    const { hardening } = vars;
    const network = new Network(this, 'network', { spec, vpcCidr: vars.vpcCidr, kubernetesSubnetTags: spec.platform === 'eks', flowLogs: hardening.vpcFlowLogs, logRetentionDays: hardening.infrastructureLogRetentionDays });
    const registry = new Registry(this, 'registry', { spec, immutableTags: hardening.ecrImmutableTags, scanOnPush: hardening.ecrScanOnPush });
    const objects = new ObjectStorage(this, 'storage', { spec, versioning: hardening.s3Versioning, noncurrentVersionDays: hardening.s3NoncurrentVersionDays });
    // ECS tasks always log to CloudWatch; on Kubernetes only when the profile's sink is CloudWatch.
    const logGroup =
      spec.logs.sink === 'cloudwatch' || spec.fargateServices.length > 0
        ? new CloudwatchLogGroup(this, 'application-logs', { name: `/tier-planner/${shortName(spec.planName, 200)}/application`, retentionInDays: retentionAtLeast(spec.logs.retentionDays) })
        : undefined;

    // The data stores accept these security groups only: the nodes' or the tasks'.
    const workloadSecurityGroups: string[] = [];
    if (spec.platform === 'eks') {
      const eks = new EksClusterStack(this, 'eks', {
        spec,
        network,
        kubernetesVersion: vars.kubernetesVersion!,
        kubernetesSupportType: vars.kubernetesSupportType!,
        apiAllowedCidrs: vars.apiAllowedCidrs!,
        hardening: { secretsEncryption: hardening.eksSecretsEncryption!, controlPlaneLogs: hardening.eksControlPlaneLogs!, logRetentionDays: hardening.infrastructureLogRetentionDays, publicEndpoint: hardening.eksPublicEndpoint! },
      });
      workloadSecurityGroups.push(eks.nodeSecurityGroupId);
      new TerraformOutput(this, 'cluster_name', { value: eks.cluster.name });
      new TerraformOutput(this, 'cluster_endpoint', { value: eks.cluster.endpoint });
      this.ingressLoadBalancer(network, vars.ingress, eks.nodeSecurityGroupId, eks.nodeAutoscalingGroups());
    } else if (spec.platform === 'kubernetes-ec2') {
      const nodes = new SelfManagedNodes(this, 'nodes', { spec, network });
      workloadSecurityGroups.push(nodes.securityGroup.id);
      new TerraformOutput(this, 'node_group_names', { value: nodes.groups.map((g) => g.name) });
      this.ingressLoadBalancer(network, vars.ingress, nodes.securityGroup.id, nodes.autoscalingGroups());
    }
    if (spec.fargateServices.length > 0) {
      const fargate = new FargateServices(this, 'fargate', {
        spec,
        network,
        repositories: registry.repositories,
        logGroup: logGroup!,
        imageTag: vars.imageTag!,
        containerPort: vars.containerPort!,
        ...(vars.certificateArn !== undefined ? { certificateArn: vars.certificateArn } : {}),
      });
      workloadSecurityGroups.push(fargate.tasksSecurityGroup.id);
      new TerraformOutput(this, 'cluster_name', { value: fargate.cluster.name });
      if (fargate.loadBalancer) new TerraformOutput(this, 'alb_dns_name', { value: fargate.loadBalancer.dnsName });
    }

    const data = new DataStores(this, 'data', {
      spec,
      network,
      clientSecurityGroupIds: workloadSecurityGroups,
      deletionProtection: vars.deletionProtection ?? true,
      kafkaVersion: vars.kafkaVersion ?? '3.8.x',
      hardening: { allowedCidrs: hardening.dataStoreAllowedCidrs ?? [], cacheAuthAndTls: hardening.cacheAuthAndTls ?? true, kafkaIamAuth: hardening.kafkaIamAuth ?? true },
    });
    const budget = new CostGuardrails(this, 'guardrails', { spec, alertEmails: vars.alertEmails });
    const exporter = new ExporterRole(this, 'exporter', { spec });

    new TerraformOutput(this, 'plan_name', { value: spec.planName });
    new TerraformOutput(this, 'ecr_repository_urls', { value: Object.fromEntries([...registry.repositories].map(([service, repo]) => [service, repo.repositoryUrl])) });
    new TerraformOutput(this, 'objects_bucket', { value: objects.bucket.bucket });
    new TerraformOutput(this, 'budget_name', { value: budget.budget.name });
    new TerraformOutput(this, 'budget_monthly_usd', { value: spec.budget.taggedUsd, description: 'the Budget: plan costs that carry the plan tag' });
    new TerraformOutput(this, 'untagged_monthly_usd', { value: spec.budget.untaggedUsd, description: `plan costs the tag cannot see, outside the Budget (plan total ${spec.budget.totalUsd})` });
    new TerraformOutput(this, 'exporter_role_arn', { value: exporter.role.arn });
    if (data.database) new TerraformOutput(this, 'database_endpoint', { value: data.database.endpoint });
    if (data.cacheAuthSecret) new TerraformOutput(this, 'cache_auth_secret_arn', { value: attributeWhen(data.cacheAuthSecret, 'arn') });
  }

  /** The plan's ALB on Kubernetes, in front of the nodes' Auto Scaling groups. */
  private ingressLoadBalancer(network: Network, ingress: IngressVariables | undefined, nodeSecurityGroupId: string, groups: [string, string][]): void {
    if (!ingress) return;
    const alb = new IngressLoadBalancer(this, 'ingress', { spec: this.spec, network, ...ingress, nodeSecurityGroupId });
    for (const [name, asg] of groups) alb.attach(name, asg);
    new TerraformOutput(this, 'alb_dns_name', { value: alb.loadBalancer.dnsName });
  }
}
