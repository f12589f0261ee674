import { TerraformResource, type IAspect, type IConstruct } from '../cdk/aws.js';

interface Taggable {
  tags: Record<string, string> | undefined;
  readonly tagsInput: Record<string, string> | undefined;
}

const isTaggable = (node: IConstruct): node is IConstruct & Taggable => node instanceof TerraformResource && 'tagsInput' in node && 'tags' in node;

/**
 * Writes the plan tags on every taggable resource, on top of the provider's default_tags, so the
 * synthesized JSON shows them and a resource's own tags (Name…) are kept.
 */
export class TagEveryResource implements IAspect {
  constructor(private readonly tags: Readonly<Record<string, string>>) {}

  visit(node: IConstruct): void {
    if (isTaggable(node)) node.tags = { ...(node.tagsInput ?? {}), ...this.tags };
  }
}
