// No cdktf imports here: the synth ledger reads synthesized JSON before cdktf is loaded.
/**
 * The task count of a synthesized ECS service once an image tag is given: services run none until
 * then (docs/infra.md, "First deploy"), so desired_count is `image_tag set ? N : 0`.
 */
export function gatedTaskCount(desiredCount: unknown): number | undefined {
  const gated = /^\$\{\(length\(var\.image_tag\) >= 1\) \? (\d+) : 0\}$/.exec(String(desiredCount));
  return gated ? Number(gated[1]) : undefined;
}
