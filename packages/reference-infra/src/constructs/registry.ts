import { Construct, EcrLifecyclePolicy, EcrRepository, type IResolvable } from '../cdk/aws.js';
import type { InfraSpec } from '../plan-input/infra-spec.js';
import { shortName } from '../plan-input/names.js';
import { when } from './opt-out.js';

export interface RegistryProps {
  readonly spec: InfraSpec;
  /** Hardening switches (Terraform bools, on by default). */
  readonly immutableTags: boolean | IResolvable;
  readonly scanOnPush: boolean | IResolvable;
}

/**
 * One ECR repository per service, keeping the plan's number of images (the plan prices that storage),
 * with immutable tags and a vulnerability scan of every push unless switched off.
 */
export class Registry extends Construct {
  readonly repositories: ReadonlyMap<string, EcrRepository>;

  constructor(scope: Construct, id: string, props: RegistryProps) {
    super(scope, id);
    const { spec } = props;
    const repositories = new Map<string, EcrRepository>();
    for (const service of spec.services) {
      const repo = new EcrRepository(this, `repo-${service}`, {
        name: `${shortName(spec.planName, 100)}/${shortName(service, 100)}`,
        imageTagMutability: when(props.immutableTags, 'IMMUTABLE', 'MUTABLE'),
        imageScanningConfiguration: { scanOnPush: props.scanOnPush },
        encryptionConfiguration: [{ encryptionType: 'AES256' }],
      });
      new EcrLifecyclePolicy(this, `repo-${service}-lifecycle`, {
        repository: repo.name,
        policy: JSON.stringify({
          rules: [
            {
              rulePriority: 1,
              description: `keep the ${spec.ecrRetainedImages} newest images (plan: storage.ecr.retainedImages)`,
              selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: spec.ecrRetainedImages },
              action: { type: 'expire' },
            },
          ],
        }),
      });
      repositories.set(service, repo);
    }
    this.repositories = repositories;
  }
}
