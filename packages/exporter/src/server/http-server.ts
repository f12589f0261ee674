import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log/logger.js';

export interface MetricsSource {
  readonly contentType: string;
  renderChunks(): Promise<Buffer[]>;
}

/** /metrics and /healthz. A scrape only renders cached data: it never waits on AWS. */
export function createMetricsServer(metrics: MetricsSource, logger: Logger): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed\n');
      return;
    }
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      return;
    }
    if (path === '/metrics') {
      metrics.renderChunks().then(
        (chunks) => {
          res.writeHead(200, { 'content-type': metrics.contentType, 'content-length': chunks.reduce((n, c) => n + c.length, 0) });
          if (req.method === 'HEAD') return void res.end();
          for (const c of chunks) res.write(c);
          res.end();
        },
        (e: unknown) => {
          logger.error('rendering metrics failed', { error: (e as Error).message });
          res.writeHead(500, { 'content-type': 'text/plain' }).end('cannot render metrics\n');
        },
      );
      return;
    }
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><h1>tier-planner-exporter</h1><p><a href="/metrics">/metrics</a> <a href="/healthz">/healthz</a></p></body></html>\n');
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found; try /metrics or /healthz\n');
  });
}

export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
