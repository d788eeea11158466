import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A resource of a fixture site: an HTML page, or a response with its own status and type. */
export type Resource = string | { readonly status?: number; readonly type?: string; readonly body?: string | Buffer; readonly location?: string };

/** A fixture site: path (with query) → resource. Paths not listed answer 404. */
export type SiteFiles = Readonly<Record<string, Resource>>;

export interface SiteServer {
  readonly url: string;
  readonly port: number;
  /** Requests seen, in order (path with query). */
  readonly requests: string[];
  close(): Promise<void>;
}

/** Serves a fixture site on 127.0.0.1 (a real HTTP server on an ephemeral port, or `port` to serve a changed site at the same address). */
export async function serveSite(files: SiteFiles | ((origin: string) => SiteFiles), options: { port?: number } = {}): Promise<SiteServer> {
  const requests: string[] = [];
  let table: SiteFiles = {};
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    const r = table[path] ?? table[decodeURI(path)];
    if (r === undefined) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>');
      return;
    }
    if (typeof r === 'string') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : r);
      return;
    }
    res.writeHead(r.status ?? 200, { 'content-type': r.type ?? 'text/html; charset=utf-8', ...(r.location ? { location: r.location } : {}) });
    res.end(req.method === 'HEAD' ? undefined : r.body);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  table = typeof files === 'function' ? files(url.slice(0, -1)) : files;
  return {
    url,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
