import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  host: string;
  path: string;
}

/** A test web site on loopback that records every request it serves. */
export async function startWebServer(
  page = (host: string, _path: string) => `<!doctype html><title>${host}</title><h1>Hello from ${host}</h1>`,
  listenPort = 0,
) {
  const seen: SeenRequest[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    seen.push({ host, path: request.url ?? '/' });
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(page(host, request.url ?? '/'));
  });
  await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    seen,
    url: (host: string, path = '/') => `http://${host}${port === 80 ? '' : `:${port}`}${path}`,
    requestsTo: (host: string) => seen.filter((r) => r.host === host),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type TestWebServer = Awaited<ReturnType<typeof startWebServer>>;
