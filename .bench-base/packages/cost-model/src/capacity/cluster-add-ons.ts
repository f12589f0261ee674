import type { Profile, SystemPod } from '../profiles/profile-types.js';

/** A feature-gated add-on (e.g. in-cluster Prometheus) runs only when the profile turns it on. */
function isActive(pod: SystemPod, features: readonly string[]): boolean {
  return pod.when === undefined || features.includes(pod.when);
}

/** Cluster add-on Deployments (CoreDNS, controllers, …) that run on the nodes. */
export function activeSystemPods(profile: Profile): readonly SystemPod[] {
  return (profile.systemPods ?? []).filter((p) => isActive(p, profile.features ?? []));
}

/** DaemonSets: one pod on every node, taken off each node's room before anything else. */
export function activeDaemonSets(profile: Profile): readonly SystemPod[] {
  return (profile.daemonSets ?? []).filter((p) => isActive(p, profile.features ?? []));
}
