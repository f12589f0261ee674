import { Construct, DataAwsCallerIdentity, IamRole, IamRolePolicy } from '../cdk/aws.js';
import type { InfraSpec } from '../plan-input/infra-spec.js';
import { shortName } from '../plan-input/names.js';

/** The only actions the cost exporter needs: read Cost Explorer spend and forecast. */
export const EXPORTER_ACTIONS = ['ce:GetCostAndUsage', 'ce:GetCostForecast'] as const;

/**
 * A read-only role for the tier-planner exporter. It trusts this account only; who in it may
 * assume the role is then granted by the account's own IAM policies.
 */
export class ExporterRole extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: { readonly spec: InfraSpec }) {
    super(scope, id);
    const account = new DataAwsCallerIdentity(this, 'account', {});
    this.role = new IamRole(this, 'role', {
      namePrefix: `${shortName(props.spec.planName, 28)}-exporter-`,
      description: 'tier-planner exporter: reads Cost Explorer, nothing else',
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account.accountId}:root` }, Action: 'sts:AssumeRole' }],
      }),
    });
    // Cost Explorer has no resource-level permissions: "*" is the only resource it accepts.
    new IamRolePolicy(this, 'cost-explorer-read', {
      role: this.role.id,
      name: 'cost-explorer-read',
      policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: [...EXPORTER_ACTIONS], Resource: '*' }] }),
    });
  }
}
