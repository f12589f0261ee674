import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

// A loopback stand-in for the AWS Price List Query API (awsJson1_1 protocol), so tests drive the
// real SDK client over real HTTP. It applies TERM_MATCH filters, pages with NextToken and can be
// scripted to throttle, fail, deny access or die mid-pagination.

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
}

export interface RecordedRequest {
  readonly target: string;
  readonly body: { ServiceCode?: string; Filters?: { Type: string; Field: string; Value: string }[]; NextToken?: string; MaxResults?: number; FormatVersion?: string };
}

export interface FakePriceListServer {
  readonly url: string;
  readonly requests: readonly RecordedRequest[];
  close(): Promise<void>;
}

const TARGET_PREFIX = 'AWSPriceListService.';
const JSON_TYPE = 'application/x-amz-json-1.1';

export async function startFakePriceListServer(products: readonly FakeProduct[], script: FakeServerScript = {}): Promise<FakePriceListServer> {
  const requests: RecordedRequest[] = [];
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
      return sendError(res, 400, 'AccessDeniedException', 'User: arn:aws:iam::123456789012:user/test is not authorized to perform: pricing:GetProducts');
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
    send(res, 200, { FormatVersion: 'aws_v1', PriceList: page.map((p) => (typeof p.item === 'string' ? p.item : JSON.stringify(p.item))), ...(next ? { NextToken: next } : {}) });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
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
