export type CeOperation = 'GetCostAndUsage' | 'GetCostForecast';

/**
 * Sends one Cost Explorer request through the daily budget: takes a slot first (or throws
 * budget_exhausted), counts the request once it has left the process, and gives the slot back when
 * it never did (no credentials, connection refused). `send` calls `onSent` when the request went out.
 */
export type RequestGate = <T>(operation: CeOperation, send: (onSent: () => void) => Promise<T>) => Promise<T>;
