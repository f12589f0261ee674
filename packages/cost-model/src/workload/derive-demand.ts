import type { Demand } from './demand.js';
import type { ResolvedWorkload } from './assumptions.js';
import { resolveDailyShape, type DailyLevel } from './daily-shape.js';

const SECONDS_PER_DAY = 86_400;
const BYTES_PER_GB = 1024 ** 3;

/**
 * users → demand. Requests/day = users × DAU/MAU × requests per active user; average RPS spreads
 * them over the day; peak RPS multiplies by the peak-to-average factor. Peak concurrent users by
 * Little's law: sessions starting per second at the peak × session length. Volumes use binary GB
 * (2^30 bytes), as AWS bills them. The day's levels scale the peak by the daily shape (default: the
 * tier-planner default shape for this peakToAverage).
 */
export function deriveDemand(
  users: number,
  w: ResolvedWorkload,
  daysPerMonth: number,
  levels: readonly DailyLevel[] = resolveDailyShape(undefined, w.peakToAverage).levels,
): Demand {
  const dailyActiveUsers = users * w.dauPerMau;
  const requestsPerDay = dailyActiveUsers * w.requestsPerActiveUserPerDay;
  const averageRps = requestsPerDay / SECONDS_PER_DAY;
  const peakRps = averageRps * w.peakToAverage;
  const sessionsPerSecondAtPeak = (dailyActiveUsers / SECONDS_PER_DAY) * w.peakToAverage;
  const requestsPerMonth = requestsPerDay * daysPerMonth;
  return {
    users,
    dailyActiveUsers,
    requestsPerDay,
    averageRps,
    peakRps,
    dailyLevels: levels.map((l) => ({ rps: peakRps * l.share, hoursPerDay: l.hoursPerDay })),
    peakConcurrentUsers: sessionsPerSecondAtPeak * w.sessionSeconds,
    egressGbPerMonth: (requestsPerMonth * w.egressKiBPerRequest * 1024) / BYTES_PER_GB,
    databaseGb: (users * w.dbMiBPerUser) / 1024,
    objectStorageGb: (users * w.objectMiBPerUser) / 1024,
    logGbPerMonth: (requestsPerMonth * w.logBytesPerRequest) / BYTES_PER_GB,
  };
}
