// What a calibration reads from the user's own monitoring, in the model's units. The core turns
// measurements into a calibrated profile (calibrateProfile); reading them (Prometheus) is an adapter.

/** How far to trust one measurement: from its sample count, window and spread. */
export type MeasurementConfidence = 'high' | 'medium' | 'low';

/** One measured figure and where it came from, so every changed assumption can say how it was measured. */
export interface Measurement<T = number> {
  readonly value: T;
  /** The PromQL (or other query) that measured it, as sent. */
  readonly query: string;
  /** Samples the figure rests on (range-query points over the window). */
  readonly samples: number;
  readonly confidence: MeasurementConfidence;
  /** Why the confidence is what it is ("14 days at 30 s", "a window shorter than a day"). */
  readonly note?: string;
}

/** One profile service's workload, matched by name (or an explicit selector). */
export interface ServiceMeasurements {
  /** The profile's service name. */
  readonly name: string;
  /** The selector it was matched by ({container="web-api"}), for the report. */
  readonly selector: string;
  /** Requests per second, averaged over the window, and at the window's busiest hour. */
  readonly averageRps?: Measurement;
  readonly peakRps?: Measurement;
  /** CPU seconds used per request served (cAdvisor CPU over the service's request rate). */
  readonly cpuSecondsPerRequest?: Measurement;
  /** 95th percentile working-set memory per replica, MiB. */
  readonly memoryP95MiB?: Measurement;
  /** Replicas running, average and at the peak hour (kube-state-metrics). */
  readonly averageReplicas?: Measurement;
  readonly peakReplicas?: Measurement;
}

/** What one calibration run measured, and what it could not. */
export interface Measurements {
  /** RFC 3339 start and end of the window, and the range-query step in seconds. */
  readonly window: { readonly start: string; readonly end: string; readonly stepSeconds: number };
  /** Daily active users over the window, when a gauge query gives them (else the caller's --users). */
  readonly activeUsers?: Measurement;
  /** Requests per day over all the profile's entry services. */
  readonly requestsPerDay?: Measurement;
  /** Busiest hour's request rate ÷ the window's average. */
  readonly peakToAverage?: Measurement;
  /** 24 hourly levels of the request rate (UTC hours 0..23), relative, any scale. */
  readonly hourlyShape?: Measurement<readonly number[]>;
  readonly services: readonly ServiceMeasurements[];
  /** What could not be measured, and why (series missing, no traffic, counter resets only …). */
  readonly missing: readonly { readonly what: string; readonly reason: string }[];
}
