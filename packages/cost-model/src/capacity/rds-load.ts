// The load on the database from demand and the application's replicas: queries (peak and 24-hour
// average), CPU seconds, connections, storage operations and throughput.
import type { RdsLoadInputs } from './rds-assumptions.js';

export interface RdsLoad {
  readonly peakQueriesPerSecond: number;
  readonly peakWritesPerSecond: number;
  readonly peakReadsPerSecond: number;
  /** vCPU-seconds per second at the peak, writes and reads apart. */
  readonly peakWriteVcpu: number;
  readonly peakReadVcpu: number;
  /** The same on a 24-hour average (peak / peak-to-average): what burstable credits see. */
  readonly averageWriteVcpu: number;
  readonly averageReadVcpu: number;
  /** Σ max replicas of the connecting services × pool size: the HPA can scale to the max. */
  readonly connectionsNeeded: number;
  readonly peakWriteIops: number;
  readonly peakReadIops: number;
  readonly inputs: RdsLoadInputs;
}

export function rdsLoad(peakRps: number, averageRps: number, connectingReplicas: number, inputs: RdsLoadInputs): RdsLoad {
  const perQueryVcpu = inputs.cpuMsPerQuery / 1000;
  const peakQps = peakRps * inputs.queriesPerRequest;
  const averageQps = averageRps * inputs.queriesPerRequest;
  const reads = peakQps * inputs.readShare;
  const writes = peakQps - reads;
  return {
    peakQueriesPerSecond: peakQps,
    peakWritesPerSecond: writes,
    peakReadsPerSecond: reads,
    peakWriteVcpu: writes * perQueryVcpu,
    peakReadVcpu: reads * perQueryVcpu,
    averageWriteVcpu: averageQps * (1 - inputs.readShare) * perQueryVcpu,
    averageReadVcpu: averageQps * inputs.readShare * perQueryVcpu,
    connectionsNeeded: connectingReplicas * inputs.connectionPoolPerReplica,
    peakWriteIops: writes * inputs.iopsPerWrite,
    peakReadIops: reads * inputs.readMissShare,
    inputs,
  };
}

/** The writer's share: all reads while it has no replicas, none once replicas take them. */
export function onWriter(write: number, read: number, replicas: number): number {
  return replicas === 0 ? write + read : write;
}

/** MiB/s of storage traffic for an operation rate. */
export function throughputMiBps(iops: number, inputs: RdsLoadInputs): number {
  return (iops * inputs.ioKiBPerOperation) / 1024;
}

/** A class's max EBS bandwidth (megabits/s) in MiB/s. */
export function mbpsToMiBps(mbps: number): number {
  return (mbps * 1e6) / 8 / 1024 ** 2;
}
