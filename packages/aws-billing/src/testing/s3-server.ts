import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the server answered: what it was, and the access key id it was signed with. */
export interface S3Request {
  readonly kind: 'list' | 'get' | 'other';
  readonly bucket: string;
  readonly key?: string;
  readonly accessKeyId?: string;
  /** The region in the request's signature scope. */
  readonly region?: string;
}

/** Faults to inject; each count is used up by the requests it hits. */
export interface S3Faults {
  /** Every request gets 403 AccessDenied. */
  denyAll?: boolean;
  /** The next N requests get 500 InternalError (the SDK retries those). */
  internalErrors?: number;
  /** GetObject of these keys sends half of the body, then cuts the connection; count per key. */
  cutBody?: Map<string, number>;
  /** GetObject of these keys sends half of the body, then nothing more (the connection stays open). */
  stallBody?: Set<string>;
  /** GetObject answers after this many milliseconds, so overlapping downloads can be seen. */
  getDelayMs?: number;
}

export interface S3TestServer {
  readonly endpoint: string;
  /** Objects per bucket, key → body; a bucket absent here answers NoSuchBucket. */
  readonly buckets: Map<string, Map<string, Buffer>>;
  readonly requests: S3Request[];
  readonly faults: S3Faults;
  /** The most GetObject requests that were in flight at once. */
  readonly maxGetsInFlight: number;
  put(bucket: string, key: string, body: Buffer): void;
  remove(bucket: string, key: string): void;
  close(): Promise<void>;
}

const XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';
// A fixed modification time: the sync looks only at ETag and size.
const LAST_MODIFIED = new Date(Date.UTC(2026, 10, 2, 3, 4, 5));

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function etagOf(body: Buffer): string {
  return `"${createHash('md5').update(body).digest('hex')}"`;
}

function sendError(res: ServerResponse, status: number, code: string, message: string, extra = ''): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xml(message)}</Message>${extra}<RequestId>TESTREQUEST</RequestId><HostId>test</HostId></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'x-amz-request-id': 'TESTREQUEST', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** The access key id and region of a SigV4 Authorization header: Credential=AKID/date/region/s3/aws4_request. */
function signerOf(req: IncomingMessage): { accessKeyId?: string; region?: string } {
  const m = /Credential=([^/]+)\/\d{8}\/([^/]+)\//.exec(req.headers.authorization ?? '');
  return m ? { accessKeyId: m[1] as string, region: m[2] as string } : {};
}

/**
 * A loopback server speaking the part of S3's REST API a sync uses, path-style: ListObjectsV2
 * (pages of `pageSize` keys, ContinuationToken) and GetObject (ETag, Content-Length), with S3's
 * XML errors. It checks no signature; it records the access key each request was signed with.
 */
export async function startS3Server(o: { pageSize?: number } = {}): Promise<S3TestServer> {
  const pageSize = o.pageSize ?? 1000;
  const buckets = new Map<string, Map<string, Buffer>>();
  const requests: S3Request[] = [];
  const faults: S3Faults = {};
  let inFlight = 0;
  let maxGetsInFlight = 0;

  const list = (res: ServerResponse, bucket: string, objects: Map<string, Buffer>, q: URLSearchParams) => {
    const prefix = q.get('prefix') ?? '';
    const token = q.get('continuation-token');
    const after = token ? Buffer.from(token, 'base64url').toString('utf8') : '';
    const max = Math.min(pageSize, Number(q.get('max-keys') ?? 1000));
    const keys = [...objects.keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
    const page = keys.slice(0, max);
    const truncated = keys.length > page.length;
    const contents = page
      .map((k) => {
        const b = objects.get(k) as Buffer;
        return `<Contents><Key>${xml(k)}</Key><LastModified>${LAST_MODIFIED.toISOString()}</LastModified><ETag>${xml(etagOf(b))}</ETag><Size>${b.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
      })
      .join('');
    const next = truncated ? `<NextContinuationToken>${Buffer.from(page[page.length - 1] as string).toString('base64url')}</NextContinuationToken>` : '';
    const body =
      `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="${XMLNS}"><Name>${xml(bucket)}</Name><Prefix>${xml(prefix)}</Prefix>` +
      `${token ? `<ContinuationToken>${xml(token)}</ContinuationToken>` : ''}<KeyCount>${page.length}</KeyCount><MaxKeys>${max}</MaxKeys>` +
      `<IsTruncated>${String(truncated)}</IsTruncated>${next}${contents}</ListBucketResult>`;
    res.writeHead(200, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };

  const server = createServer((req, res) => {
    req.resume();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [, bucket = '', ...rest] = url.pathname.split('/');
    const key = rest.map(decodeURIComponent).join('/');
    const isList = req.method === 'GET' && key === '' && url.searchParams.get('list-type') === '2';
    const isGet = req.method === 'GET' && key !== '';
    requests.push({ kind: isList ? 'list' : isGet ? 'get' : 'other', bucket, ...(key ? { key } : {}), ...signerOf(req) });
    if (faults.denyAll) return sendError(res, 403, 'AccessDenied', 'Access Denied');
    if ((faults.internalErrors ?? 0) > 0) {
      faults.internalErrors = (faults.internalErrors ?? 0) - 1;
      return sendError(res, 500, 'InternalError', 'We encountered an internal error. Please try again.');
    }
    const objects = buckets.get(bucket);
    if (!objects) return sendError(res, 404, 'NoSuchBucket', 'The specified bucket does not exist', `<BucketName>${xml(bucket)}</BucketName>`);
    if (isList) return list(res, bucket, objects, url.searchParams);
    if (!isGet) return sendError(res, 501, 'NotImplemented', `${req.method ?? ''} ${url.pathname} is not served by the test server`);
    const body = objects.get(key);
    if (!body) return sendError(res, 404, 'NoSuchKey', 'The specified key does not exist.', `<Key>${xml(key)}</Key>`);
    inFlight++;
    maxGetsInFlight = Math.max(maxGetsInFlight, inFlight);
    res.on('close', () => inFlight--);
    setTimeout(() => send(res, key, body), faults.getDelayMs ?? 0);
  });
  const send = (res: ServerResponse, key: string, body: Buffer) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length, etag: etagOf(body), 'last-modified': LAST_MODIFIED.toUTCString() });
    if (faults.stallBody?.has(key)) {
      res.write(body.subarray(0, Math.floor(body.length / 2)));
      return;
    }
    const cuts = faults.cutBody?.get(key) ?? 0;
    if (cuts > 0) {
      faults.cutBody?.set(key, cuts - 1);
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
      return;
    }
    res.end(body);
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    buckets,
    requests,
    faults,
    get maxGetsInFlight() {
      return maxGetsInFlight;
    },
    put(bucket, key, body) {
      if (!buckets.has(bucket)) buckets.set(bucket, new Map());
      buckets.get(bucket)?.set(key, body);
    },
    remove(bucket, key) {
      buckets.get(bucket)?.delete(key);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
