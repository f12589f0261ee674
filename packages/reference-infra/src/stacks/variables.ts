import { TerraformVariable, type Construct, type IResolvable } from '../cdk/aws.js';
import type { InfraSpec } from '../plan-input/infra-spec.js';

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
  readonly ingress?: IngressVariables;
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
        validation: [{ condition: '${length(var.api_allowed_cidrs) > 0 && !contains(var.api_allowed_cidrs, "0.0.0.0/0")}', errorMessage: 'Name at least one CIDR, and not 0.0.0.0/0.' }],
      })
    : undefined;
  const imageTag = fargate ? new TerraformVariable(scope, 'image_tag', { type: 'string', description: 'image tag every ECS service runs (ECR tags are immutable)' }) : undefined;
  const containerPort = fargate ? new TerraformVariable(scope, 'container_port', { type: 'number', default: 8080, description: 'port the containers listen on' }) : undefined;
  const deletionProtection = spec.rds ? new TerraformVariable(scope, 'deletion_protection', { type: 'bool', default: true, description: 'RDS deletion protection; set false before cdktf destroy' }) : undefined;
  const kafkaVersion = spec.kafka ? new TerraformVariable(scope, 'kafka_version', { type: 'string', default: '3.8.x', description: 'MSK Kafka version' }) : undefined;
  const ingress = spec.loadBalancer && spec.platform !== 'ecs-fargate' ? declareIngressVariables(scope) : undefined;
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
    ...(ingress ? { ingress } : {}),
  };
}

function declareIngressVariables(scope: Construct): IngressVariables {
  const nodePort = new TerraformVariable(scope, 'ingress_node_port', {
    type: 'number',
    default: 30080,
    description: "the ingress controller's HTTP NodePort, where the ALB sends traffic",
    validation: [{ condition: '${var.ingress_node_port >= 30000 && var.ingress_node_port <= 32767}', errorMessage: 'A NodePort is in 30000-32767 (the Kubernetes default range).' }],
  });
  const healthCheckPath = new TerraformVariable(scope, 'ingress_health_check_path', { type: 'string', default: '/healthz', description: 'path the ALB checks on the NodePort (ingress-nginx answers /healthz there)' });
  const certificateArn = new TerraformVariable(scope, 'certificate_arn', {
    type: 'string',
    default: '',
    description: 'ACM certificate for HTTPS on the ALB; empty: HTTP only. With one, HTTP redirects to HTTPS',
    validation: [{ condition: '${var.certificate_arn == "" || can(regex("^arn:aws[a-z-]*:acm:", var.certificate_arn))}', errorMessage: 'Give an ACM certificate ARN (arn:aws:acm:…) or leave it empty.' }],
  });
  return { nodePort: nodePort.numberValue, healthCheckPath: healthCheckPath.stringValue, certificateArn: certificateArn.stringValue };
}
