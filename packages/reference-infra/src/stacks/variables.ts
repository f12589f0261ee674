import { TerraformVariable, type Construct, type IResolvable } from '../cdk/aws.js';
import type { InfraSpec } from '../plan-input/infra-spec.js';
import { CLOUDWATCH_RETENTION_DAYS, retentionAtLeast } from '../constructs/log-retention.js';

/** Deploy-time settings: what the plan does not decide. Only the ones the plan's platform uses are declared. */
export interface StackVariables {
  readonly vpcCidr: string;
  readonly alertEmails: string[];
  readonly kubernetesVersion?: string;
  readonly kubernetesSupportType?: string;
  readonly apiAllowedCidrs?: string[];
  readonly imageTag?: string;
  readonly containerPort?: number;
  readonly deletionProtection?: boolean | IResolvable;
  readonly kafkaVersion?: string;
  /** ACM certificate for HTTPS on the plan's ALB, or "" (any platform with an ALB). */
  readonly certificateArn?: string;
  readonly ingress?: IngressVariables;
  readonly hardening: HardeningVariables;
}

/** The Kubernetes ALB's settings (EKS and self-managed Kubernetes plans with an ALB). */
export interface IngressVariables {
  readonly nodePort: number;
  readonly healthCheckPath: string;
  readonly certificateArn: string;
}

export function declareVariables(scope: Construct, spec: InfraSpec): StackVariables {
  const vpcCidr = new TerraformVariable(scope, 'vpc_cidr', { type: 'string', default: '10.0.0.0/16', description: 'IPv4 range of the VPC (a /16 leaves room for /20 private subnets)' });
  const alertEmails = new TerraformVariable(scope, 'budget_alert_emails', { type: 'list(string)', description: 'who the Budget mails when forecast or actual spend exceeds the plan' });
  const eks = spec.platform === 'eks';
  const fargate = spec.fargateServices.length > 0;
  // The plan priced this version's support tier on its date: the stack builds the same one.
  const kubernetesVersion = eks ? new TerraformVariable(scope, 'kubernetes_version', { type: 'string', default: spec.kubernetes!.version, description: `EKS Kubernetes version (the plan's; standard support until ${spec.kubernetes!.endOfStandardSupport})` }) : undefined;
  const kubernetesSupportType = eks
    ? new TerraformVariable(scope, 'kubernetes_support_type', {
        type: 'string',
        // A plan priced in extended support is built so; otherwise a lapse upgrades instead of billing.
        default: spec.kubernetes!.support === 'extended' ? 'EXTENDED' : 'STANDARD',
        description: 'EKS upgrade policy: STANDARD upgrades the control plane at the end of standard support; EXTENDED keeps the version and bills extended support ($0.60/h in total)',
        validation: [{ condition: '${contains(["STANDARD", "EXTENDED"], var.kubernetes_support_type)}', errorMessage: 'kubernetes_support_type must be STANDARD or EXTENDED.' }],
      })
    : undefined;
  const apiAllowedCidrs = eks
    ? new TerraformVariable(scope, 'api_allowed_cidrs', {
        type: 'list(string)',
        description: 'CIDRs allowed to reach the public EKS API endpoint (no default: choose them)',
        // In Terraform JSON an expression is a string template: without ${…} it is a plain string.
        // With the public endpoint off (eks_public_endpoint = false) the list may be empty.
        validation: [{ condition: '${(length(var.api_allowed_cidrs) > 0 || !var.eks_public_endpoint) && !contains(var.api_allowed_cidrs, "0.0.0.0/0")}', errorMessage: 'Name at least one CIDR, and not 0.0.0.0/0. With eks_public_endpoint = false the list may be empty.' }],
      })
    : undefined;
  const imageTag = fargate
    ? new TerraformVariable(scope, 'image_tag', {
        type: 'string',
        default: '',
        description: 'image tag every ECS service runs; empty (the first deploy, before any image is pushed) runs no tasks',
        // Docker's tag rule: ASCII letters, digits, _ . -, not starting with . or -, 128 at most
        // (https://docs.docker.com/engine/reference/commandline/image_tag/, read 2026-12-01).
        validation: [{ condition: '${var.image_tag == "" || can(regex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", var.image_tag))}', errorMessage: 'image_tag is a Docker tag: letters, digits, _ . - (128 at most, not starting with . or -), or empty before the first push.' }],
      })
    : undefined;
  const containerPort = fargate ? new TerraformVariable(scope, 'container_port', { type: 'number', default: 8080, description: 'port the containers listen on' }) : undefined;
  const deletionProtection = spec.rds ? new TerraformVariable(scope, 'deletion_protection', { type: 'bool', default: true, description: 'RDS deletion protection; set false before cdktf destroy' }) : undefined;
  const kafkaVersion = spec.kafka ? new TerraformVariable(scope, 'kafka_version', { type: 'string', default: '3.8.x', description: 'MSK Kafka version' }) : undefined;
  const certificateArn = spec.loadBalancer ? declareCertificateArn(scope) : undefined;
  const ingress = certificateArn !== undefined && spec.platform !== 'ecs-fargate' ? declareIngressVariables(scope, certificateArn) : undefined;
  return {
    vpcCidr: vpcCidr.stringValue,
    alertEmails: alertEmails.listValue,
    ...(kubernetesVersion ? { kubernetesVersion: kubernetesVersion.stringValue } : {}),
    ...(kubernetesSupportType ? { kubernetesSupportType: kubernetesSupportType.stringValue } : {}),
    ...(apiAllowedCidrs ? { apiAllowedCidrs: apiAllowedCidrs.listValue } : {}),
    ...(imageTag ? { imageTag: imageTag.stringValue } : {}),
    ...(containerPort ? { containerPort: containerPort.numberValue } : {}),
    ...(deletionProtection ? { deletionProtection: deletionProtection.booleanValue } : {}),
    ...(kafkaVersion ? { kafkaVersion: kafkaVersion.stringValue } : {}),
    ...(certificateArn !== undefined ? { certificateArn } : {}),
    ...(ingress ? { ingress } : {}),
    hardening: declareHardeningVariables(scope, spec),
  };
}

// Hardening: each switch is on by default and is the documented way out (docs/infra.md, "Hardening").

/** Hardening switches and settings; a platform's switches exist only when the plan uses it. */
export interface HardeningVariables {
  /** Days CloudWatch keeps the stack's own logs (EKS control plane, VPC flow logs). */
  readonly infrastructureLogRetentionDays: number;
  readonly vpcFlowLogs: boolean | IResolvable;
  readonly ecrImmutableTags: boolean | IResolvable;
  readonly ecrScanOnPush: boolean | IResolvable;
  readonly s3Versioning: boolean | IResolvable;
  readonly s3NoncurrentVersionDays: number;
  readonly eksSecretsEncryption?: boolean | IResolvable;
  readonly eksControlPlaneLogs?: boolean | IResolvable;
  readonly eksPublicEndpoint?: boolean | IResolvable;
  /** CIDRs the data stores accept besides the workloads' security groups (VPN, peered networks). */
  readonly dataStoreAllowedCidrs?: string[];
  readonly cacheAuthAndTls?: boolean | IResolvable;
  readonly kafkaIamAuth?: boolean | IResolvable;
}

function declareHardeningVariables(scope: Construct, spec: InfraSpec): HardeningVariables {
  const on = (id: string, description: string) => new TerraformVariable(scope, id, { type: 'bool', default: true, nullable: false, description }).booleanValue;
  const eks = spec.platform === 'eks';
  const dataStores = spec.rds !== undefined || spec.cache !== undefined || spec.kafka !== undefined;
  const retention = new TerraformVariable(scope, 'infrastructure_log_retention_days', {
    type: 'number',
    // The plan's own log retention, so the stack keeps its logs no longer than the plan keeps the application's.
    default: retentionAtLeast(spec.logs.retentionDays),
    nullable: false,
    description: 'days CloudWatch keeps the EKS control-plane and VPC flow logs (one of the values CloudWatch accepts)',
    validation: [{ condition: `\${contains([${CLOUDWATCH_RETENTION_DAYS.join(', ')}], var.infrastructure_log_retention_days)}`, errorMessage: `CloudWatch keeps logs for one of: ${CLOUDWATCH_RETENTION_DAYS.join(', ')} days.` }],
  });
  const noncurrentDays = new TerraformVariable(scope, 's3_noncurrent_version_days', {
    type: 'number',
    default: 30,
    nullable: false,
    description: 'days the objects bucket keeps an overwritten or deleted object version before expiring it',
    validation: [{ condition: '${var.s3_noncurrent_version_days >= 1 && floor(var.s3_noncurrent_version_days) == var.s3_noncurrent_version_days}', errorMessage: 's3_noncurrent_version_days is a whole number of days, 1 or more.' }],
  });
  const allowedCidrs = dataStores
    ? new TerraformVariable(scope, 'data_store_allowed_cidrs', {
        type: 'list(string)',
        default: [],
        nullable: false,
        description: 'CIDRs the data stores accept besides the workloads (e.g. a VPN); empty: the workloads only',
        validation: [{ condition: '${alltrue([for c in var.data_store_allowed_cidrs : can(cidrhost(c, 0)) && c != "0.0.0.0/0"])}', errorMessage: 'data_store_allowed_cidrs holds CIDRs (e.g. 10.8.0.0/16), never 0.0.0.0/0.' }],
      })
    : undefined;
  return {
    infrastructureLogRetentionDays: retention.numberValue,
    vpcFlowLogs: on('vpc_flow_logs', 'VPC flow logs (all traffic) to CloudWatch Logs; ingestion is billed and not in the plan'),
    ecrImmutableTags: on('ecr_immutable_tags', 'ECR tags cannot be pushed twice (false: mutable tags, e.g. "latest")'),
    ecrScanOnPush: on('ecr_scan_on_push', 'ECR scans every pushed image for vulnerabilities'),
    s3Versioning: on('s3_versioning', 'objects bucket keeps overwritten and deleted versions for s3_noncurrent_version_days'),
    s3NoncurrentVersionDays: noncurrentDays.numberValue,
    ...(eks
      ? {
          eksSecretsEncryption: on('eks_secrets_encryption', 'EKS encrypts Kubernetes secrets with a customer-managed KMS key (cannot be undone on a cluster)'),
          eksControlPlaneLogs: on('eks_control_plane_logs', 'EKS sends api, audit, authenticator, controllerManager and scheduler logs to CloudWatch'),
          eksPublicEndpoint: on('eks_public_endpoint', 'EKS API reachable from api_allowed_cidrs (false: private endpoint only, from inside the VPC)'),
        }
      : {}),
    ...(allowedCidrs ? { dataStoreAllowedCidrs: allowedCidrs.listValue } : {}),
    ...(spec.cache ? { cacheAuthAndTls: on('cache_auth_and_tls', 'ElastiCache requires TLS and an AUTH token kept in Secrets Manager') } : {}),
    ...(spec.kafka ? { kafkaIamAuth: on('kafka_iam_auth', 'MSK clients authenticate with IAM on port 9098 (false: TLS without client authentication, port 9094)') } : {}),
  };
}

function declareCertificateArn(scope: Construct): string {
  return new TerraformVariable(scope, 'certificate_arn', {
    type: 'string',
    default: '',
    description: 'ACM certificate for HTTPS on the ALB; empty: HTTP only. With one, HTTP redirects to HTTPS',
    validation: [{ condition: '${var.certificate_arn == "" || can(regex("^arn:aws[a-z-]*:acm:", var.certificate_arn))}', errorMessage: 'Give an ACM certificate ARN (arn:aws:acm:…) or leave it empty.' }],
  }).stringValue;
}

function declareIngressVariables(scope: Construct, certificateArn: string): IngressVariables {
  const nodePort = new TerraformVariable(scope, 'ingress_node_port', {
    type: 'number',
    default: 30080,
    description: "the ingress controller's HTTP NodePort, where the ALB sends traffic",
    validation: [{ condition: '${var.ingress_node_port >= 30000 && var.ingress_node_port <= 32767}', errorMessage: 'A NodePort is in 30000-32767 (the Kubernetes default range).' }],
  });
  const healthCheckPath = new TerraformVariable(scope, 'ingress_health_check_path', { type: 'string', default: '/healthz', description: 'path the ALB checks on the NodePort (ingress-nginx answers /healthz there)' });
  return { nodePort: nodePort.numberValue, healthCheckPath: healthCheckPath.stringValue, certificateArn };
}
