// The PromQL a calibration sends, per measurement. Defaults use metric families a Kubernetes
// cluster already has (cAdvisor, kube-state-metrics, ingress-nginx); a queries file replaces any.

/** What each query measures; the queries file uses the same keys. */
export const QUERY_KEYS = ['requestRate', 'fallbackRequestRate', 'cpuSecondsRate', 'memoryWorkingSetBytes', 'replicas', 'activeUsers'] as const;
export type QueryKey = (typeof QUERY_KEYS)[number];

/**
 * Templates. `$workload` is the workload's name (the profile service's name unless --map says
 * otherwise), `$ns` a `,namespace="…"` matcher when the mapping names a namespace (else empty),
 * `$range` the rate() range, equal to the step, so the points tile the window without overlap.
 */
export const DEFAULT_QUERIES: Readonly<Record<QueryKey, string | undefined>> = {
  // ingress-nginx labels each request with the Kubernetes Service it was routed to.
  requestRate: 'sum(rate(nginx_ingress_controller_requests{service="$workload"$ns}[$range]))',
  // Without an ingress series: the service's own latency histogram, whose _count counts requests.
  fallbackRequestRate: 'sum(rate(http_request_duration_seconds_count{service="$workload"$ns}[$range]))',
  // cAdvisor: the container's CPU, over all its pods (container="" and "POD" series are left out by the match).
  cpuSecondsRate: 'sum(rate(container_cpu_usage_seconds_total{container="$workload"$ns}[$range]))',
  // One series per pod (max: cAdvisor can briefly report a container twice across a restart).
  memoryWorkingSetBytes: 'max by (namespace, pod) (container_memory_working_set_bytes{container="$workload"$ns})',
  replicas: 'sum(kube_deployment_status_replicas{deployment="$workload"$ns})',
  // Active users are the caller's --users unless a queries file says how to count them.
  activeUsers: undefined,
};

/** Which workload a profile service is: a name, and optionally its namespace (`--map web=prod/api`). */
export interface Workload {
  readonly name: string;
  readonly namespace?: string;
}

export interface QueryTemplates {
  /** Per key: the template for every service, and per-service replacements. */
  readonly all: Readonly<Partial<Record<QueryKey, string>>>;
  readonly services: Readonly<Record<string, Readonly<Partial<Record<QueryKey, string>>>>>;
}

export const defaultTemplates: QueryTemplates = { all: {}, services: {} };

/** The query for `key` and one service, or undefined when there is none (activeUsers by default). */
export function queryFor(key: QueryKey, templates: QueryTemplates, service: string | undefined, workload: Workload | undefined, rangeSeconds: number): string | undefined {
  const template = (service !== undefined ? templates.services[service]?.[key] : undefined) ?? templates.all[key] ?? DEFAULT_QUERIES[key];
  if (template === undefined) return undefined;
  return template
    .replaceAll('$workload', workload ? promString(workload.name) : '')
    .replaceAll('$service', service !== undefined ? promString(service) : '')
    .replaceAll('$ns', workload?.namespace !== undefined ? `,namespace="${promString(workload.namespace)}"` : '')
    .replaceAll('$range', `${rangeSeconds}s`);
}

/** The selector a service's workload was matched by, for the report. */
export function selectorText(workload: Workload): string {
  return `{${workload.namespace !== undefined ? `namespace="${workload.namespace}",` : ''}container="${workload.name}"}`;
}

/** A label value inside a PromQL double-quoted string. */
const promString = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
