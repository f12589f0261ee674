import { Fn, Token, type IResolvable, type TerraformDataSource, type TerraformResource } from '../cdk/aws.js';

// Hardening is switched by Terraform bool variables, so the choice is made at deploy time,
// not at synth: a resource that only exists when a switch is on gets `count = var ? 1 : 0`.

/** `count` for a resource that exists only while `on` (a Terraform bool) is true. */
export const countWhen = (on: boolean | IResolvable): number => Token.asNumber(Fn.conditional(on, 1, 0));

/** An attribute of a `countWhen` resource: its value, or null while the switch is off. */
export const attributeWhen = (resource: TerraformResource | TerraformDataSource, attribute: string): string => Token.asString(Fn.one(Fn.lookupNested(resource, ['*', attribute])));

/** `value` while `on`, otherwise `otherwise`: a Terraform conditional, typed as its branches. */
export function when(on: boolean | IResolvable, value: string, otherwise: string): string;
export function when(on: boolean | IResolvable, value: number, otherwise: number): number;
export function when(on: boolean | IResolvable, value: string[], otherwise: string[] | null): string[];
export function when(on: boolean | IResolvable, value: string | number | string[], otherwise: string | number | string[] | null): string | number | string[] {
  const chosen = Fn.conditional(on, value, otherwise);
  if (typeof value === 'string') return Token.asString(chosen);
  if (typeof value === 'number') return Token.asNumber(chosen);
  return Token.asList(chosen);
}
