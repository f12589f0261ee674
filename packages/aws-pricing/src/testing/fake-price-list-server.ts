import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

// A loopback stand-in for the AWS Price List Query API (awsJson1_1 protocol), so tests drive the
// real SDK client over real HTTP. It applies TERM_MATCH filters, pages with NextToken and can be
// scripted to throttle, fail, deny access, die mid-pagination, hang, cut or stall an answer, or be slow.

/** A product the server holds: its service code and the PriceList item (served as a JSON string). */
export interface FakeProduct {
  readonly serviceCode: string;
  readonly item: unknown;
}

export interface FakeServerScript {
  /** Products per page at most (the request's MaxResults also caps it); default 100. */
  readonly pageSize?: number;
  /** 1-based request numbers answered once with ThrottlingException. */
  readonly throttleRequests?: readonly number[];
  /** 1-based request numbers answered with HTTP 500 InternalErrorException. */
  readonly serverErrorRequests?: readonly number[];
  /** From this request number on, every connection is destroyed without an answer (the server died). */
  readonly dieFromRequest?: number;
  /** Every GetProducts is refused with AccessDeniedException. */
  readonly denyAccess?: boolean;
  /** The refusal's message (AWS quotes names that users chose, such as the IAM user's). */
  readonly denyMessage?: string;
  /** From this request number on, the request is read and never answered; the connection stays open. */
  readonly neverAnswerFromRequest?: number;
  /** 1-based request numbers whose answer promises its full Content-Length, sends half and destroys the socket. */
  readonly cutBodyRequests?: readonly number[];
  /** 1-based request numbers whose answer sends its headers and half the body, then nothing more. */
  readonly stallBodyRequests?: readonly number[];
  /** Every answer waits this long (real milliseconds) before it is sent: a slow server. */
  readonly delayMs?: number;
}

export interface RecordedRequest {
  readonly target: string;
  readonly body: { ServiceCode?: string; Filters?: { Type: string; Field: string; Value: string }[]; NextToken?: string; MaxResults?: number; FormatVersion?: string };
}

export interface FakePriceListServer {
  readonly url: string;
  readonly requests: readonly RecordedRequest[];
  /** Resolves once the server has received `count` requests in all. */
  receivedRequests(count: number): Promise<void>;
  /** Resolves once `count` cut or stalled answers have sent their half. */
  halfAnswersSent(count: number): Promise<void>;
  close(): Promise<void>;
}

const TARGET_PREFIX = 'AWSPriceListService.';
const JSON_TYPE = 'application/x-amz-json-1.1';

export async function startFakePriceListServer(products: readonly FakeProduct[], script: FakeServerScript = {}): Promise<FakePriceListServer> {
  const requests: RecordedRequest[] = [];
  const counted = { requests: counter(), halfAnswers: counter() };
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    void handle(req, res);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    const target = String(req.headers['x-amz-target'] ?? '');
    const n = requests.push({ target, body: safeJson(text) });
    counted.requests.add();
    if (script.neverAnswerFromRequest !== undefined && n >= script.neverAnswerFromRequest) return;
    if (script.delayMs) await new Promise((r) => setTimeout(r, script.delayMs));
    if (script.dieFromRequest !== undefined && n >= script.dieFromRequest) {
      req.socket.destroy();
      return;
    }
    if (req.method !== 'POST' || !target.startsWith(TARGET_PREFIX)) {
      return sendError(res, 400, 'UnknownOperationException', `unsupported ${req.method} ${target}`);
    }
    if (script.throttleRequests?.includes(n)) return sendError(res, 400, 'ThrottlingException', 'Rate exceeded');
    if (script.serverErrorRequests?.includes(n)) return sendError(res, 500, 'InternalErrorException', 'internal error');
    if (script.denyAccess) {
      return sendError(res, 400, 'AccessDeniedException', script.denyMessage ?? 'User: arn:aws:iam::123456789012:user/test is not authorized to perform: pricing:GetProducts');
    }
    const operation = target.slice(TARGET_PREFIX.length);
    if (operation !== 'GetProducts') return sendError(res, 400, 'UnknownOperationException', `unsupported operation ${operation}`);
    const body = requests[n - 1]!.body;
    const matching = products.filter((p) => p.serviceCode === body.ServiceCode && (body.Filters ?? []).every((f) => termMatches(p.item, f.Field, f.Value)));
    const start = body.NextToken ? Number(body.NextToken) : 0;
    if (!Number.isInteger(start) || start < 0 || start > matching.length) return sendError(res, 400, 'InvalidNextTokenException', 'bad NextToken');
    const size = Math.min(script.pageSize ?? 100, body.MaxResults ?? 100);
    const page = matching.slice(start, start + size);
    const next = start + size < matching.length ? String(start + size) : undefined;
    const answer = { FormatVersion: 'aws_v1', PriceList: page.map((p) => (typeof p.item === 'string' ? p.item : JSON.stringify(p.item))), ...(next ? { NextToken: next } : {}) };
    if (script.cutBodyRequests?.includes(n)) return sendHalf(res, answer, 'destroy', counted.halfAnswers.add);
    if (script.stallBodyRequests?.includes(n)) return sendHalf(res, answer, 'stall', counted.halfAnswers.add);
    send(res, 200, answer);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    receivedRequests: counted.requests.reached,
    halfAnswersSent: counted.halfAnswers.reached,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** TERM_MATCH: productFamily is a product field, everything else a product attribute. */
function termMatches(item: unknown, field: string, value: string): boolean {
  const product = (typeof item === 'object' && item !== null ? (item as { product?: Record<string, unknown> }).product : undefined) ?? {};
  if (field === 'productFamily') return product.productFamily === value;
  const attributes = (product.attributes ?? {}) as Record<string, unknown>;
  return attributes[field] === value;
}

function sendError(res: ServerResponse, status: number, type: string, message: string): void {
  res.setHeader('x-amzn-ErrorType', type);
  send(res, status, { __type: type, message });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': 'fake-request' });
  res.end(text);
}

/** Headers for the whole body, then only its first half; then the socket is destroyed, or left hanging. */
function sendHalf(res: ServerResponse, body: unknown, then: 'destroy' | 'stall', sent: () => void): void {
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': bytes.length, 'x-amzn-requestid': 'fake-request' });
  res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => {
    if (then === 'destroy') res.socket?.destroy();
    sent();
  });
}

/** Counts events; `reached(n)` resolves once n have happened. */
function counter(): { add: () => void; reached: (count: number) => Promise<void> } {
  let seen = 0;
  const waiters: { count: number; resolve: () => void }[] = [];
  return {
    add() {
      seen += 1;
      for (const w of waiters.filter((w) => seen >= w.count)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    },
    reached: (count) => (seen >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function safeJson(text: string): RecordedRequest['body'] {
  try {
    return JSON.parse(text) as RecordedRequest['body'];
  } catch {
    return {};
  }
}
