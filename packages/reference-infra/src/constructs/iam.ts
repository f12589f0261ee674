import { Construct, IamRole, IamRolePolicyAttachment } from '../cdk/aws.js';

/** AWS-managed policies, by name (the aws partition; GovCloud and China are not covered). */
export const managedPolicy = (name: string): string => `arn:aws:iam::aws:policy/${name}`;

export interface ServiceRoleProps {
  /** IAM role name prefix (≤ 38 characters; AWS adds a unique suffix). */
  readonly namePrefix: string;
  /** The service that assumes the role, e.g. "eks.amazonaws.com". */
  readonly service: string;
  readonly managedPolicies?: readonly string[];
}

/** A role one AWS service assumes, with only the managed policies it names. */
export class ServiceRole extends Construct {
  readonly role: IamRole;
  readonly attachments: IamRolePolicyAttachment[];

  constructor(scope: Construct, id: string, props: ServiceRoleProps) {
    super(scope, id);
    this.role = new IamRole(this, 'role', {
      namePrefix: props.namePrefix,
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: props.service }, Action: 'sts:AssumeRole' }],
      }),
    });
    this.attachments = (props.managedPolicies ?? []).map(
      (name) => new IamRolePolicyAttachment(this, `policy-${name}`, { role: this.role.name, policyArn: managedPolicy(name) }),
    );
  }
}
