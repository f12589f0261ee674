import { LaunchTemplate, type Construct } from '../cdk/aws.js';
import type { NodeGroupSpec } from '../plan-input/infra-spec.js';

export interface NodeLaunchTemplateProps {
  readonly group: NodeGroupSpec;
  readonly namePrefix: string;
  /** Cost-allocation tags: node groups and ASGs do not pass the provider's default tags to instances. */
  readonly tags: Readonly<Record<string, string>>;
  /** Self-managed nodes only (EKS picks the AMI and instance profile itself). */
  readonly imageId?: string;
  readonly instanceType?: string;
  readonly instanceProfileArn?: string;
  readonly securityGroupIds?: string[];
  readonly spot?: boolean;
}

/**
 * Nodes' launch template: IMDSv2 only (hop limit 1, so pods cannot reach the node's credentials),
 * an encrypted gp3 root volume of the plan's size, and the plan tags on instances and volumes.
 */
export function nodeLaunchTemplate(scope: Construct, id: string, props: NodeLaunchTemplateProps): LaunchTemplate {
  const { group } = props;
  return new LaunchTemplate(scope, id, {
    namePrefix: props.namePrefix,
    updateDefaultVersion: true,
    ...(props.imageId ? { imageId: props.imageId } : {}),
    ...(props.instanceType ? { instanceType: props.instanceType } : {}),
    ...(props.instanceProfileArn ? { iamInstanceProfile: { arn: props.instanceProfileArn } } : {}),
    ...(props.securityGroupIds ? { vpcSecurityGroupIds: props.securityGroupIds } : {}),
    ...(props.spot ? { instanceMarketOptions: { marketType: 'spot' } } : {}),
    metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1 },
    blockDeviceMappings: [
      { deviceName: '/dev/xvda', ebs: { volumeSize: group.rootVolumeGb, volumeType: 'gp3', encrypted: 'true', deleteOnTermination: 'true' } },
    ],
    tagSpecifications: [
      { resourceType: 'instance', tags: { ...props.tags, Name: `${props.namePrefix}${group.name}` } },
      { resourceType: 'volume', tags: { ...props.tags } },
    ],
  });
}
