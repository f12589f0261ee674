import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

// A loopback stand-in for the public Price List Bulk API host: plain GETs of static files, with
// gzip, Range/If-Range and ETags like a CDN, and scripted faults: a connection cut after some
// bytes, a file that changes between two requests, a server that stalls or answers slowly.

export interface BulkServerScript {
  /** Serve gzip (Content-Encoding) to clients that accept it. */
  readonly gzip?: boolean;
  /** Send Accept-Ranges and honour Range; default true. */
  readonly ranges?: boolean;
  /** Send an ETag (and check If-Range against it); default true. */
  readonly etags?: boolean;
  /** For these paths, the first `times` answers are cut (socket destroyed) after `afterBytes` body bytes. */
  readonly cut?: readonly { readonly path: string; readonly afterBytes: number; readonly times?: number }[];
  /** After a path's first answer, its ETag changes (the file was republished). */
  readonly republish?: readonly string[];
  /** For this path, every answer sends `afterBytes` bytes and then nothing more. */
  readonly stall?: { readonly path: string; readonly afterBytes: number };
  /** For these paths, the first `times` requests are answered with this HTTP status. */
  readonly errors?: readonly { readonly path: string; readonly status: number; readonly times?: number }[];
  /** Every answer waits this long (real milliseconds) before its headers. */
  readonly delayMs?: number;
}

export interface RecordedGet {
  readonly path: string;
  readonly range?: string;
  readonly ifRange?: string;
  readonly acceptEncoding?: string;
}

export interface FakeBulkServer {
  readonly url: string;
  readonly requests: readonly RecordedGet[];
  /** Resolves once a stalled answer has sent its bytes. */
  stalled(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeBulkServer(files: ReadonlyMap<string, Buffer>, script: BulkServerScript = {}): Promise<FakeBulkServer> {
  const requests: RecordedGet[] = [];
  const sockets = new Set<Socket>();
  const served = new Map<string, number>();
  const gzipped = new Map<string, Buffer>();
  let onStalled: () => void = () => {};
  const stalledOnce = new Promise<void>((resolve) => (onStalled = resolve));
  const server = createServer((req, res) => void handle(req, res));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({
      path,
      ...(req.headers.range ? { range: req.headers.range } : {}),
      ...(typeof req.headers['if-range'] === 'string' ? { ifRange: req.headers['if-range'] } : {}),
      ...(typeof req.headers['accept-encoding'] === 'string' ? { acceptEncoding: req.headers['accept-encoding'] } : {}),
    });
    if (script.delayMs) await new Promise((r) => setTimeout(r, script.delayMs));
    const plain = files.get(path);
    if (!plain) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const n = (served.get(path) ?? 0) + 1;
    served.set(path, n);
    const error = script.errors?.find((e) => e.path === path && n <= (e.times ?? 1));
    if (error) {
      res.writeHead(error.status, { 'content-type': 'text/plain' }).end(`scripted HTTP ${error.status}`);
      return;
    }
    const useGzip = script.gzip === true && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    let body = plain;
    if (useGzip) {
      if (!gzipped.has(path)) gzipped.set(path, gzipSync(plain));
      body = gzipped.get(path)!;
    }
    const etag = `"${path.length}-${body.length}${script.republish?.includes(path) && n > 1 ? '-v2' : ''}"`;
    const headers: Record<string, string> = { 'content-type': path.endsWith('.csv') ? 'text/csv' : 'application/json' };
    if (useGzip) headers['content-encoding'] = 'gzip';
    if (script.ranges !== false) headers['accept-ranges'] = 'bytes';
    if (script.etags !== false) headers.etag = etag;
    let start = 0;
    let status = 200;
    const range = /^bytes=(\d+)-$/.exec(String(req.headers.range ?? ''));
    const ifRange = req.headers['if-range'];
    if (range && script.ranges !== false && (ifRange === undefined || ifRange === etag)) {
      start = Number(range[1]);
      status = 206;
      headers['content-range'] = `bytes ${start}-${body.length - 1}/${body.length}`;
    }
    const part = body.subarray(start);
    headers['content-length'] = String(part.length);
    res.writeHead(status, headers);
    const cut = script.cut?.find((c) => c.path === path);
    if (cut && n <= (cut.times ?? 1)) {
      res.write(part.subarray(0, cut.afterBytes), () => res.socket?.destroy());
      return;
    }
    if (script.stall?.path === path) {
      res.write(part.subarray(0, script.stall.afterBytes), () => onStalled());
      return;
    }
    res.end(part);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stalled: () => stalledOnce,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
