import type { AwsForecast, PlanSpend } from './fetch-spend.js';

/** What the metrics need to know about one plan's actuals, whichever source they come from. */
export interface PlanActuals {
  /** Month-to-date spend (current month only), from one complete refresh of all the plan's queries. */
  readonly spend?: PlanSpend;
  /** AWS's forecast of the rest of the month (Cost Explorer only). */
  readonly forecast?: AwsForecast;
  /** When the published spend was asked for; undefined until a refresh completed once. */
  readonly lastSuccessAt?: number;
  /** The latest attempt of any of the plan's queries failed. */
  readonly failing: boolean;
  /** A refresh is part-way through its pages, paused by the daily request budget with the pages paid kept. */
  readonly incomplete: boolean;
}
