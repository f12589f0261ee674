import { PLAN_DEFAULTS } from '../plan/plan-assumptions.js';
import type { AddOnCondition, Profile, SystemPod } from '../profiles/profile-types.js';
import { haReplicas, sizeCoredns, sizeElasticsearch, sizePrometheus, type AddOnDrivers, type SizedAddOn, type SizedElasticsearch, type SizedPrometheus } from './add-on-sizing.js';

/** The conditions a profile meets: its feature flags, a CloudWatch log sink, an ALB. */
function conditions(profile: Profile): ReadonlySet<AddOnCondition> {
  const met = new Set<AddOnCondition>(profile.features ?? []);
  if (profile.storage.logs.sink === 'cloudwatch') met.add('cloudwatch-logs');
  if (profile.network.loadBalancer === 'alb') met.add('alb');
  return met;
}

/** A conditional add-on (e.g. in-cluster Prometheus, a CloudWatch log shipper) runs only when its condition holds. */
function active(pods: readonly SystemPod[] | undefined, met: ReadonlySet<AddOnCondition>): readonly SystemPod[] {
  return (pods ?? []).filter((p) => p.when === undefined || met.has(p.when));
}

interface ActivePods {
  readonly systemPods: readonly SystemPod[];
  readonly daemonSets: readonly SystemPod[];
}

/** Per profile (read-only data): every sizing pass of every plan asks. */
const activeByProfile = new WeakMap<Profile, ActivePods>();

function activePods(profile: Profile): ActivePods {
  let found = activeByProfile.get(profile);
  if (!found) {
    const met = conditions(profile);
    activeByProfile.set(profile, (found = { systemPods: active(profile.systemPods, met), daemonSets: active(profile.daemonSets, met) }));
  }
  return found;
}

/** Cluster add-on Deployments (CoreDNS, controllers, …) that run on the nodes. */
export function activeSystemPods(profile: Profile): readonly SystemPod[] {
  return activePods(profile).systemPods;
}

/** DaemonSets: one pod on every node, taken off each node's room before anything else. */
export function activeDaemonSets(profile: Profile): readonly SystemPod[] {
  return activePods(profile).daemonSets;
}

/** The add-on Deployments sized for a cluster, and what the sizing found (series, index). */
export interface SizedAddOns {
  readonly pods: readonly SizedAddOn[];
  /** Prometheus when it runs in the cluster with the series rule. */
  readonly prometheus?: SizedPrometheus;
  readonly elasticsearch?: SizedElasticsearch;
}

/** Each active add-on Deployment with its rule applied (or its base requests and HA replicas); `explain` false: no why. */
export function sizeAddOns(profile: Profile, drivers: AddOnDrivers, explain = true): SizedAddOns {
  const pods: SizedAddOn[] = [];
  let prometheus: SizedPrometheus | undefined;
  let elasticsearch: SizedElasticsearch | undefined;
  for (const pod of activeSystemPods(profile)) {
    const prom = profile.storage.prometheus;
    if (pod.scaling === 'active-series' && prom) {
      prometheus = sizePrometheus(pod, prom, drivers, explain);
      pods.push({ name: prometheus.name, cpuMillicores: prometheus.cpuMillicores, memoryMiB: prometheus.memoryMiB, replicas: prometheus.replicas, ...(prometheus.why ? { why: prometheus.why } : {}) });
    } else if (pod.scaling === 'index-volume') {
      elasticsearch = sizeElasticsearch(pod, { retentionDays: profile.storage.logs.retentionDays, indexOverhead: PLAN_DEFAULTS.elasticsearchOverhead.value }, drivers, explain);
      pods.push({ name: elasticsearch.name, cpuMillicores: elasticsearch.cpuMillicores, memoryMiB: elasticsearch.memoryMiB, replicas: elasticsearch.replicas, ...(elasticsearch.why ? { why: elasticsearch.why } : {}) });
    } else if (pod.scaling === 'cluster-proportional') {
      pods.push(sizeCoredns(pod, drivers, explain));
    } else {
      pods.push({ name: pod.name, cpuMillicores: pod.cpuMillicores, memoryMiB: pod.memoryMiB, replicas: haReplicas(pod, drivers.ha) });
    }
  }
  return { pods, ...(prometheus ? { prometheus } : {}), ...(elasticsearch ? { elasticsearch } : {}) };
}
