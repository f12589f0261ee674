import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// A loopback stand-in for EC2's Query protocol (form-encoded POST, XML answers), enough for
// DescribeSpotPriceHistory: it filters by instance type and window, returns the last change
// before the start as AWS documents, pages with nextToken, and can throttle or refuse.

export interface SpotHistoryEntry {
  readonly instanceType: string;
  readonly availabilityZone: string;
  readonly productDescription?: string;
  readonly spotPrice: string;
  /** RFC 3339. */
  readonly timestamp: string;
}

export interface FakeEc2Script {
  /** Items per page at most; default 1000. */
  readonly pageSize?: number;
  /** 1-based request numbers answered with HTTP 503 RequestLimitExceeded. */
  readonly throttleRequests?: readonly number[];
  /** Every request is refused with HTTP 403 UnauthorizedOperation. */
  readonly unauthorized?: boolean;
}

export interface FakeEc2Server {
  readonly url: string;
  /** Every request's form fields, in order. */
  readonly requests: URLSearchParams[];
  close(): Promise<void>;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const errorXml = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error></Errors><RequestID>test-request</RequestID></Response>`;

export async function startFakeEc2Server(history: readonly SpotHistoryEntry[], script: FakeEc2Script = {}): Promise<FakeEc2Server> {
  const requests: URLSearchParams[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      requests.push(form);
      const n = requests.length;
      const send = (status: number, body: string) => {
        res.writeHead(status, { 'content-type': 'text/xml;charset=UTF-8', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      };
      if (req.method !== 'POST' || form.get('Action') !== 'DescribeSpotPriceHistory') return send(400, errorXml('InvalidAction', `unexpected ${req.method} ${form.get('Action')}`));
      if (script.unauthorized) return send(403, errorXml('UnauthorizedOperation', 'You are not authorized to perform this operation.'));
      if (script.throttleRequests?.includes(n)) return send(503, errorXml('RequestLimitExceeded', 'Request limit exceeded.'));
      send(200, answer(history, form, script.pageSize ?? 1000));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function listOf(form: URLSearchParams, name: string): string[] {
  return [...form.keys()].filter((k) => k.startsWith(`${name}.`)).sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1])).map((k) => form.get(k)!);
}

function answer(history: readonly SpotHistoryEntry[], form: URLSearchParams, pageSize: number): string {
  const types = new Set(listOf(form, 'InstanceType'));
  const products = new Set(listOf(form, 'ProductDescription'));
  const start = Date.parse(form.get('StartTime') ?? '');
  const end = Date.parse(form.get('EndTime') ?? '');
  const matching = history.filter((h) => types.has(h.instanceType) && (products.size === 0 || products.has(h.productDescription ?? 'Linux/UNIX')));
  // In the window, plus each zone's last change before the start (the price in effect then).
  const inWindow = matching.filter((h) => Date.parse(h.timestamp) >= start && Date.parse(h.timestamp) <= end);
  const lastBefore = new Map<string, SpotHistoryEntry>();
  for (const h of matching.filter((x) => Date.parse(x.timestamp) < start)) {
    const id = `${h.instanceType}|${h.availabilityZone}|${h.productDescription ?? ''}`;
    const seen = lastBefore.get(id);
    if (!seen || Date.parse(seen.timestamp) < Date.parse(h.timestamp)) lastBefore.set(id, h);
  }
  const all = [...inWindow, ...lastBefore.values()].sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));
  const offset = Number(form.get('NextToken') ?? '0');
  const size = Math.min(pageSize, Number(form.get('MaxResults') ?? pageSize));
  const page = all.slice(offset, offset + size);
  const next = offset + size < all.length ? String(offset + size) : '';
  const items = page
    .map(
      (h) =>
        `<item><instanceType>${h.instanceType}</instanceType><productDescription>${xmlEscape(h.productDescription ?? 'Linux/UNIX')}</productDescription><spotPrice>${h.spotPrice}</spotPrice><timestamp>${h.timestamp}</timestamp><availabilityZone>${h.availabilityZone}</availabilityZone></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<DescribeSpotPriceHistoryResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>test-request</requestId><spotPriceHistorySet>${items}</spotPriceHistorySet><nextToken>${next}</nextToken></DescribeSpotPriceHistoryResponse>`;
}
