// The one module that imports cdktf and @cdktf/provider-aws. Switching to the cdktn fork
// (cdktn + @cdktn/provider-aws) means changing the specifiers below and nothing else.
// The provider is imported per resource: its root index loads all ~1,500 resources (2 s+).
export { App, Aspects, Fn, LocalBackend, Op, S3Backend, TerraformOutput, TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
export { ref, TerraformDataSource, TerraformIterator, TerraformResource } from 'cdktf';
export type { IAspect, IResolvable } from 'cdktf';
export { Construct, type IConstruct } from 'constructs';

export { AwsProvider } from '@cdktf/provider-aws/lib/provider/index.js';

// network
export { Vpc } from '@cdktf/provider-aws/lib/vpc/index.js';
export { Subnet } from '@cdktf/provider-aws/lib/subnet/index.js';
export { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway/index.js';
export { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway/index.js';
export { Eip } from '@cdktf/provider-aws/lib/eip/index.js';
export { RouteTable } from '@cdktf/provider-aws/lib/route-table/index.js';
export { Route } from '@cdktf/provider-aws/lib/route/index.js';
export { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association/index.js';
export { DataAwsAvailabilityZones } from '@cdktf/provider-aws/lib/data-aws-availability-zones/index.js';
export { SecurityGroup } from '@cdktf/provider-aws/lib/security-group/index.js';
export { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group/index.js';
export { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule/index.js';
export { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule/index.js';
export { FlowLog } from '@cdktf/provider-aws/lib/flow-log/index.js';

// identity
export { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
export { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment/index.js';
export { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy/index.js';
export { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider/index.js';
export { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile/index.js';
export { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js';
export { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity/index.js';
export { KmsKey } from '@cdktf/provider-aws/lib/kms-key/index.js';
export { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret/index.js';
export { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version/index.js';
export { DataAwsSecretsmanagerRandomPassword } from '@cdktf/provider-aws/lib/data-aws-secretsmanager-random-password/index.js';

// compute
export { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster/index.js';
export { EksNodeGroup } from '@cdktf/provider-aws/lib/eks-node-group/index.js';
export { EksAddon } from '@cdktf/provider-aws/lib/eks-addon/index.js';
export { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template/index.js';
export { AutoscalingGroup } from '@cdktf/provider-aws/lib/autoscaling-group/index.js';
export { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter/index.js';
export { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster/index.js';
export { EcsClusterCapacityProviders } from '@cdktf/provider-aws/lib/ecs-cluster-capacity-providers/index.js';
export { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition/index.js';
export { EcsService } from '@cdktf/provider-aws/lib/ecs-service/index.js';
export { AppautoscalingTarget } from '@cdktf/provider-aws/lib/appautoscaling-target/index.js';
export { AppautoscalingPolicy } from '@cdktf/provider-aws/lib/appautoscaling-policy/index.js';
export { Lb } from '@cdktf/provider-aws/lib/lb/index.js';
export { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group/index.js';
export { LbListener } from '@cdktf/provider-aws/lib/lb-listener/index.js';
export { LbListenerRule } from '@cdktf/provider-aws/lib/lb-listener-rule/index.js';
export { AutoscalingAttachment } from '@cdktf/provider-aws/lib/autoscaling-attachment/index.js';
export { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group/index.js';

// registry and storage
export { EcrRepository } from '@cdktf/provider-aws/lib/ecr-repository/index.js';
export { EcrLifecyclePolicy } from '@cdktf/provider-aws/lib/ecr-lifecycle-policy/index.js';
export { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket/index.js';
export { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block/index.js';
export { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration/index.js';
export { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration/index.js';
export { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls/index.js';
export { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy/index.js';
export { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning/index.js';

// data stores
export { DbInstance } from '@cdktf/provider-aws/lib/db-instance/index.js';
export { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group/index.js';
export { ElasticacheReplicationGroup } from '@cdktf/provider-aws/lib/elasticache-replication-group/index.js';
export { ElasticacheSubnetGroup } from '@cdktf/provider-aws/lib/elasticache-subnet-group/index.js';
export { MskCluster } from '@cdktf/provider-aws/lib/msk-cluster/index.js';

// guardrails
export { BudgetsBudget } from '@cdktf/provider-aws/lib/budgets-budget/index.js';
