import { CloudwatchLogGroup, Construct, DataAwsIamPolicyDocument, EksAddon, EksCluster, EksNodeGroup, Fn, IamOpenidConnectProvider, IamRole, IamRolePolicy, IamRolePolicyAttachment, KmsKey, type IResolvable } from '../cdk/aws.js';
import type { InfraSpec } from '../plan-input/infra-spec.js';
import { shortName } from '../plan-input/names.js';
import { managedPolicy, ServiceRole } from './iam.js';
import type { Network } from './network.js';
import { nodeLaunchTemplate } from './node-launch-template.js';
import { attributeWhen, countWhen, when } from './opt-out.js';

export interface EksClusterProps {
  readonly spec: InfraSpec;
  readonly network: Network;
  /** Kubernetes version (a Terraform variable). */
  readonly kubernetesVersion: string;
  /** Upgrade policy STANDARD or EXTENDED (a Terraform variable). */
  readonly kubernetesSupportType: string;
  /** CIDRs allowed to reach the public API endpoint (a Terraform variable). */
  readonly apiAllowedCidrs: string[];
  /** Hardening switches (Terraform variables, on by default). */
  readonly hardening: EksHardening;
}

export interface EksHardening {
  /** Kubernetes secrets encrypted with a customer-managed KMS key that rotates yearly. */
  readonly secretsEncryption: boolean | IResolvable;
  /** Every control-plane log type to CloudWatch, kept `logRetentionDays`. */
  readonly controlPlaneLogs: boolean | IResolvable;
  readonly logRetentionDays: number;
  /** Public API endpoint (from apiAllowedCidrs only); off: private endpoint only. */
  readonly publicEndpoint: boolean | IResolvable;
}

/** Every log type the EKS control plane can send (EKS API LogSetup.types). */
export const CONTROL_PLANE_LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];

/**
 * EKS control plane, IRSA, the core add-ons, and one managed node group per plan node group with
 * the plan's instance type, min/desired/max, capacity type and root volume.
 */
export class EksClusterStack extends Construct {
  readonly cluster: EksCluster;
  readonly nodeGroups: EksNodeGroup[];
  readonly oidc: IamOpenidConnectProvider;
  private readonly groupNames: string[];
  readonly secretsKey: KmsKey;
  readonly controlPlaneLogs: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: EksClusterProps) {
    super(scope, id);
    const { spec, network } = props;
    const prefix = `${shortName(spec.planName, 30)}-`;
    const { hardening } = props;
    const name = shortName(spec.planName, 100);
    const clusterRole = new ServiceRole(this, 'cluster-role', { namePrefix: prefix, service: 'eks.amazonaws.com', managedPolicies: ['AmazonEKSClusterPolicy'] });

    this.secretsKey = new KmsKey(this, 'secrets-key', {
      count: countWhen(hardening.secretsEncryption),
      description: `EKS secrets of ${name}`,
      enableKeyRotation: true,
      // The longest wait AWS allows: a key deleted by mistake can still be recovered.
      deletionWindowInDays: 30,
    });
    const secretsKeyArn = attributeWhen(this.secretsKey, 'arn');
    // The cluster role encrypts and decrypts secrets with the key: only this key, only those actions.
    const useSecretsKey = new IamRolePolicy(this, 'cluster-uses-secrets-key', {
      count: countWhen(hardening.secretsEncryption),
      role: clusterRole.role.id,
      name: 'secrets-key',
      policy: Fn.jsonencode({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:DescribeKey', 'kms:ListGrants'], Resource: secretsKeyArn }] }),
    });
    // EKS writes to this group; made here first so it has a retention (EKS's own never expires).
    this.controlPlaneLogs = new CloudwatchLogGroup(this, 'control-plane-logs', { name: `/aws/eks/${name}/cluster`, retentionInDays: hardening.logRetentionDays });

    this.cluster = new EksCluster(this, 'cluster', {
      name,
      version: props.kubernetesVersion,
      // STANDARD: at the end of standard support EKS upgrades the control plane instead of billing extended support.
      upgradePolicy: { supportType: props.kubernetesSupportType },
      roleArn: clusterRole.role.arn,
      vpcConfig: {
        subnetIds: network.privateSubnets.map((s) => s.id),
        endpointPrivateAccess: true,
        endpointPublicAccess: hardening.publicEndpoint,
        publicAccessCidrs: when(hardening.publicEndpoint, props.apiAllowedCidrs, null),
      },
      accessConfig: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: true },
      enabledClusterLogTypes: when(hardening.controlPlaneLogs, CONTROL_PLANE_LOG_TYPES, []),
      dependsOn: [...clusterRole.attachments, useSecretsKey, this.controlPlaneLogs],
    });
    // A block only while the switch is on: the provider's encryption_config has no "off" value.
    this.cluster.addOverride('dynamic.encryption_config', {
      for_each: when(hardening.secretsEncryption, ['secrets'], []),
      content: { resources: ['secrets'], provider: { key_arn: secretsKeyArn } },
    });

    const issuer = this.cluster.identity.get(0).oidc.get(0).issuer;
    this.oidc = new IamOpenidConnectProvider(this, 'oidc', { url: issuer, clientIdList: ['sts.amazonaws.com'] });

    // Nodes get only what the kubelet needs; the CNI's ENI rights go to its own IRSA role.
    const nodeRole = new ServiceRole(this, 'node-role', {
      namePrefix: prefix,
      service: 'ec2.amazonaws.com',
      managedPolicies: ['AmazonEKSWorkerNodePolicy', 'AmazonEC2ContainerRegistryPullOnly'],
    });
    this.groupNames = spec.nodeGroups.map((g) => g.name);
    this.nodeGroups = spec.nodeGroups.map((group) => {
      const template = nodeLaunchTemplate(this, `nodes-${group.name}-template`, { group, namePrefix: `${prefix}${group.name}-`, tags: spec.tags });
      return new EksNodeGroup(this, `nodes-${group.name}`, {
        clusterName: this.cluster.name,
        nodeGroupName: group.name,
        nodeRoleArn: nodeRole.role.arn,
        subnetIds: network.nodeSubnets.map((s) => s.id),
        instanceTypes: [group.instanceType],
        capacityType: group.capacityType,
        amiType: group.arch === 'arm64' ? 'AL2023_ARM_64_STANDARD' : 'AL2023_x86_64_STANDARD',
        scalingConfig: { minSize: group.min, desiredSize: group.desired, maxSize: group.max },
        launchTemplate: { id: template.id, version: Fn.tostring(template.latestVersion) },
        updateConfig: { maxUnavailable: 1 },
        // The cluster autoscaler moves desired between min and max; Terraform should not undo it.
        lifecycle: { ignoreChanges: ['scaling_config[0].desired_size'] },
        dependsOn: nodeRole.attachments,
      });
    });

    const cni = this.irsaRole('vpc-cni', prefix, 'kube-system', 'aws-node', 'AmazonEKS_CNI_Policy');
    const ebs = this.irsaRole('ebs-csi', prefix, 'kube-system', 'ebs-csi-controller-sa', 'service-role/AmazonEBSCSIDriverPolicy');
    const addOn = (name: string, extra: { serviceAccountRoleArn?: string; afterNodes?: boolean }) =>
      new EksAddon(this, `addon-${name}`, {
        clusterName: this.cluster.name,
        addonName: name,
        resolveConflictsOnCreate: 'OVERWRITE',
        resolveConflictsOnUpdate: 'PRESERVE',
        ...(extra.serviceAccountRoleArn ? { serviceAccountRoleArn: extra.serviceAccountRoleArn } : {}),
        // CoreDNS and the EBS CSI controller are Deployments: they need nodes to become healthy.
        ...(extra.afterNodes ? { dependsOn: this.nodeGroups } : {}),
      });
    addOn('vpc-cni', { serviceAccountRoleArn: cni.arn });
    addOn('kube-proxy', {});
    addOn('coredns', { afterNodes: true });
    addOn('aws-ebs-csi-driver', { serviceAccountRoleArn: ebs.arn, afterNodes: true });
  }

  /** Each node group's Auto Scaling group (EKS creates and names it), as [node group name, ASG name]. */
  nodeAutoscalingGroups(): [string, string][] {
    return this.nodeGroups.map((g, i) => [this.groupNames[i]!, g.resources.get(0).autoscalingGroups.get(0).name]);
  }

  /**
   * The security group of the nodes and their pods: managed nodes whose launch template names no
   * security group (ours name none) carry the cluster security group EKS creates
   * (https://docs.aws.amazon.com/eks/latest/userguide/launch-templates.html, read 2026-12-01).
   */
  get nodeSecurityGroupId(): string {
    return this.cluster.vpcConfig.clusterSecurityGroupId;
  }

  /** A role one Kubernetes service account assumes through the cluster's OIDC provider (IRSA). */
  irsaRole(id: string, namePrefix: string, namespace: string, serviceAccount: string, ...policies: string[]): IamRole {
    const issuerHost = Fn.replace(this.oidc.url, 'https://', '');
    const trust = new DataAwsIamPolicyDocument(this, `${id}-trust`, {
      statement: [
        {
          effect: 'Allow',
          actions: ['sts:AssumeRoleWithWebIdentity'],
          principals: [{ type: 'Federated', identifiers: [this.oidc.arn] }],
          condition: [
            { test: 'StringEquals', variable: `${issuerHost}:sub`, values: [`system:serviceaccount:${namespace}:${serviceAccount}`] },
            { test: 'StringEquals', variable: `${issuerHost}:aud`, values: ['sts.amazonaws.com'] },
          ],
        },
      ],
    });
    const role = new IamRole(this, `${id}-role`, { namePrefix, assumeRolePolicy: trust.json });
    for (const policy of policies) new IamRolePolicyAttachment(this, `${id}-${policy.replace(/\W+/g, '-')}`, { role: role.name, policyArn: managedPolicy(policy) });
    return role;
  }
}
