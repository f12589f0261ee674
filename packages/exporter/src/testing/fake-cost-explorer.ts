import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { dec, type Decimal } from '@tier-planner/cost-model';
import { validateCostAndUsage, validateForecast, type CeExpression, type CeRequest } from './fake-request-validation.js';

// A loopback stand-in for AWS Cost Explorer (awsJson1_1 protocol: POST /, X-Amz-Target
// AWSInsightsIndexService.<Operation>) so tests drive the real SDK client over real HTTP.
// It holds daily spend lines, applies Filter expressions, groups by up to two keys, pages
// with NextPageToken and can be switched at run time to throttle, deny, die or talk garbage.

/** One stream of spend: every day of any requested period costs `dailyUsd`. */
export interface FakeSpendLine {
  /** AWS service name as Cost Explorer spells it, e.g. "Amazon Elastic Compute Cloud - Compute". */
  readonly service: string;
  readonly dailyUsd: string;
  /** Cost-allocation tags on the resources, e.g. { "tier-planner:plan": "web-10k" }. */
  readonly tags?: Readonly<Record<string, string>>;
  readonly linkedAccount?: string;
  /** USAGE_TYPE (matters for "EC2 - Other"); default "<service>-Usage". */
  readonly usageType?: string;
}

export type FakeBehaviour =
  | { readonly kind: 'normal' }
  /** LimitExceededException (HTTP 400) for the next `times` requests, or for every request. */
  | { readonly kind: 'throttle'; readonly times?: number }
  | { readonly kind: 'accessDenied' }
  /** Every connection is destroyed without an answer (the SDK sees a socket error). */
  | { readonly kind: 'down' }
  /** Every request is read and never answered; the connection stays open (a stalled network path). */
  | { readonly kind: 'hang' }
  /** HTTP 200 with a body that is not JSON. */
  | { readonly kind: 'malformed' }
  /** GetCostForecast only: DataUnavailableException (too little history), as AWS does for new accounts. */
  | { readonly kind: 'forecastUnavailable' }
  /** HTTP 500 InternalServerError for the requests `when` picks; the others are answered. */
  | { readonly kind: 'failMatching'; readonly when: (request: FakeRequest) => boolean };

export interface FakeCostExplorerOptions {
  readonly spend?: readonly FakeSpendLine[];
  /** Groups per page of GetCostAndUsage (AWS does not document its page size); default 100. */
  readonly pageSize?: number;
  readonly behaviour?: FakeBehaviour;
  /** "Today" for forecast validation and `Estimated` days, YYYY-MM-DD (UTC); default the real date. */
  readonly today?: () => string;
  /** Account id reported for spend lines without linkedAccount; default 111111111111. */
  readonly accountId?: string;
}

export interface FakeRequest {
  readonly operation: string;
  readonly body: unknown;
}

export interface FakeCostExplorer {
  readonly url: string;
  /** Every request received, answered or not, in order. */
  readonly requests: FakeRequest[];
  setBehaviour(behaviour: FakeBehaviour): void;
  setSpend(spend: readonly FakeSpendLine[]): void;
  close(): Promise<void>;
}

const TARGET_PREFIX = 'AWSInsightsIndexService.';
const JSON_TYPE = 'application/x-amz-json-1.1';

export async function startFakeCostExplorer(options: FakeCostExplorerOptions = {}): Promise<FakeCostExplorer> {
  let behaviour: FakeBehaviour = options.behaviour ?? { kind: 'normal' };
  let throttledSoFar = 0;
  let spend = options.spend ?? [];
  const requests: FakeRequest[] = [];
  const sockets = new Set<Socket>();
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  const accountId = options.accountId ?? '111111111111';

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
    const body = parseJson(text);
    requests.push({ operation, body });

    if (behaviour.kind === 'down') return void req.socket.destroy();
    if (behaviour.kind === 'hang') return;
    if (req.method !== 'POST' || req.url !== '/') return sendError(res, 404, 'UnknownOperationException', `${req.method} ${req.url} is not an API`);
    if (!String(req.headers['content-type'] ?? '').startsWith(JSON_TYPE)) return sendError(res, 400, 'SerializationException', `Content-Type must be ${JSON_TYPE}`);
    if (!req.headers.authorization?.startsWith('AWS4-HMAC-SHA256')) return sendError(res, 403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
    if (behaviour.kind === 'throttle') {
      if (behaviour.times === undefined || throttledSoFar < behaviour.times) {
        throttledSoFar += 1;
        return sendError(res, 400, 'LimitExceededException', 'You have exceeded the rate limit.');
      }
    }
    if (behaviour.kind === 'accessDenied') {
      return sendError(res, 400, 'AccessDeniedException', `User: arn:aws:iam::${accountId}:user/test is not authorized to perform: ce:${operation}`);
    }
    if (behaviour.kind === 'failMatching' && behaviour.when({ operation, body })) {
      return sendError(res, 500, 'InternalServerError', 'An internal error occurred (simulated).');
    }
    if (behaviour.kind === 'malformed') {
      res.writeHead(200, { 'content-type': JSON_TYPE });
      return void res.end('{"ResultsByTime": [ <html>oops');
    }
    if (body === undefined) return sendError(res, 400, 'SerializationException', 'body is not JSON');
    const request = body as CeRequest;
    if (operation === 'GetCostAndUsage') {
      const problem = validateCostAndUsage(request);
      if (problem) return sendError(res, 400, 'ValidationException', problem);
      return send(res, 200, answerCostAndUsage(request, spend, accountId, options.pageSize ?? 100, today()));
    }
    if (operation === 'GetCostForecast') {
      const problem = validateForecast(request, today());
      if (problem) return sendError(res, 400, 'ValidationException', problem);
      if (behaviour.kind === 'forecastUnavailable') return sendError(res, 400, 'DataUnavailableException', 'Insufficient amount of historical data to generate forecast.');
      return send(res, 200, answerForecast(request, spend, accountId));
    }
    return sendError(res, 400, 'UnknownOperationException', `unsupported operation ${operation}`);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setBehaviour(b) {
      behaviour = b;
      throttledSoFar = 0;
    },
    setSpend(s) {
      spend = s;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

interface Facts {
  readonly service: string;
  readonly account: string;
  readonly usageType: string;
  readonly tags: Readonly<Record<string, string>>;
}

const factsOf = (line: FakeSpendLine, accountId: string): Facts => ({
  service: line.service,
  account: line.linkedAccount ?? accountId,
  usageType: line.usageType ?? `${line.service}-Usage`,
  tags: line.tags ?? {},
});

function dimensionValue(facts: Facts, key: string): string {
  if (key === 'SERVICE') return facts.service;
  if (key === 'LINKED_ACCOUNT') return facts.account;
  if (key === 'USAGE_TYPE') return facts.usageType;
  return '';
}

/** Evaluates a Filter expression the way Cost Explorer does for the parts tests use. */
function matches(expr: CeExpression | undefined, facts: Facts): boolean {
  if (!expr) return true;
  if (expr.And) return expr.And.every((e) => matches(e, facts));
  if (expr.Or) return expr.Or.some((e) => matches(e, facts));
  if (expr.Not) return !matches(expr.Not, facts);
  if (expr.Dimensions) return (expr.Dimensions.Values ?? []).includes(dimensionValue(facts, expr.Dimensions.Key ?? ''));
  if (expr.Tags) {
    const value = facts.tags[expr.Tags.Key ?? ''];
    if (expr.Tags.MatchOptions?.includes('ABSENT')) return value === undefined;
    return value !== undefined && (expr.Tags.Values ?? []).includes(value);
  }
  return true;
}

function groupKey(facts: Facts, group: { Type?: string; Key?: string }): string {
  if (group.Type === 'TAG') return `${group.Key}$${facts.tags[group.Key ?? ''] ?? ''}`;
  return dimensionValue(facts, group.Key ?? '');
}

function days(start: string, end: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${start}T00:00:00Z`); t < Date.parse(`${end}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** `today` (YYYY-MM-DD, UTC) decides which days are still `Estimated`, as AWS marks the open days. */
export function answerCostAndUsage(req: CeRequest, spend: readonly FakeSpendLine[], accountId: string, pageSize: number, today: string): unknown {
  const groupBy = req.GroupBy ?? [];
  const metric = req.Metrics![0]!;
  // One entry per (day, group) in a stable order; pages cut through this list.
  const perDay = new Map<string, Decimal>();
  const matching = spend.map((l) => ({ line: l, facts: factsOf(l, accountId) })).filter(({ facts }) => matches(req.Filter, facts));
  for (const { line, facts } of matching) {
    const keys = groupBy.map((g) => groupKey(facts, g)).join('\u0000');
    perDay.set(keys, (perDay.get(keys) ?? dec(0)).plus(dec(line.dailyUsd)));
  }
  const groupKeys = [...perDay.keys()].sort();
  const entries = days(req.TimePeriod!.Start!, req.TimePeriod!.End!).flatMap((day) => groupKeys.map((keys) => ({ day, keys })));
  const offset = req.NextPageToken ? Number(Buffer.from(req.NextPageToken, 'base64').toString('utf8')) : 0;
  const amount = (keys: string) => ({ [metric]: { Amount: perDay.get(keys)!.toString(), Unit: 'USD' } });
  if (groupBy.length === 0) {
    const results = days(req.TimePeriod!.Start!, req.TimePeriod!.End!).map((day) => ({
      TimePeriod: { Start: day, End: nextDay(day) },
      Total: { [metric]: { Amount: [...perDay.values()].reduce((a, b) => a.plus(b), dec(0)).toString(), Unit: 'USD' } },
      Groups: [],
      Estimated: day >= today,
    }));
    return { GroupDefinitions: [], ResultsByTime: results, DimensionValueAttributes: [] };
  }
  const page = entries.slice(offset, offset + pageSize);
  const byDay = new Map<string, { Keys: string[]; Metrics: unknown }[]>();
  for (const { day, keys } of page) {
    const list = byDay.get(day) ?? [];
    list.push({ Keys: keys.split('\u0000'), Metrics: amount(keys) });
    byDay.set(day, list);
  }
  const next = offset + pageSize < entries.length ? Buffer.from(String(offset + pageSize)).toString('base64') : undefined;
  const accounts = groupBy.some((g) => g.Key === 'LINKED_ACCOUNT') ? [...new Set(matching.map((m) => m.facts.account))] : [];
  return {
    GroupDefinitions: groupBy.map((g) => ({ Type: g.Type, Key: g.Key })),
    ResultsByTime: [...byDay].map(([day, groups]) => ({ TimePeriod: { Start: day, End: nextDay(day) }, Total: {}, Groups: groups, Estimated: day >= today })),
    DimensionValueAttributes: accounts.map((a) => ({ Value: a, Attributes: { description: `account ${a}` } })),
    ...(next ? { NextPageToken: next } : {}),
  };
}

/** Mean = daily spend × days left; the interval is ±10 % (real intervals are wider early in a month). */
export function answerForecast(req: CeRequest, spend: readonly FakeSpendLine[], accountId: string): unknown {
  const daily = spend.filter((l) => matches(req.Filter, factsOf(l, accountId))).reduce((a, l) => a.plus(dec(l.dailyUsd)), dec(0));
  const periods = days(req.TimePeriod!.Start!, req.TimePeriod!.End!);
  const mean = daily.times(periods.length);
  const withInterval = (m: Decimal) => ({
    MeanValue: m.toString(),
    PredictionIntervalLowerBound: m.times('0.9').toString(),
    PredictionIntervalUpperBound: m.times('1.1').toString(),
  });
  const results =
    req.Granularity === 'DAILY'
      ? periods.map((d) => ({ TimePeriod: { Start: d, End: nextDay(d) }, ...withInterval(daily) }))
      : [{ TimePeriod: { Start: req.TimePeriod!.Start, End: req.TimePeriod!.End }, ...withInterval(mean) }];
  return { Total: { Amount: mean.toString(), Unit: 'USD' }, ForecastResultsByTime: results };
}

function sendError(res: ServerResponse, status: number, type: string, message: string): void {
  res.setHeader('x-amzn-ErrorType', `${type}:`);
  send(res, status, { __type: `com.amazonaws.awsinsightsindexservice#${type}`, Message: message });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': 'fake-request' });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  req.setEncoding('utf8');
  for await (const chunk of req) text += chunk as string;
  return text;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
