// An HTTP/2 client of the gateway as Chromium is one: one TLS connection (ALPN h2), every CONNECT tunnel and
// every plain-HTTP request a stream of it.
import http2, { type ClientHttp2Session, type ClientHttp2Stream, type IncomingHttpHeaders } from 'node:http2';
import type { RunningGateway } from '../../../server/gateway';
import { basicAuth } from './helpers';

export const connectHttp2 = (
  gateway: Pick<RunningGateway, 'url' | 'certificate'>,
): Promise<ClientHttp2Session> =>
  new Promise((resolve, reject) => {
    const session = http2.connect(gateway.url, {
      ca: gateway.certificate ?? undefined,
      servername: 'localhost',
    });
    session.once('connect', () => resolve(session));
    session.once('error', reject);
  });

export interface StreamReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const readAll = (stream: ClientHttp2Stream): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });

const authorization = (token: string | undefined) =>
  token === undefined ? {} : { 'proxy-authorization': basicAuth(token) };

/** A plain-HTTP request through the proxy as an HTTP/2 stream (`:scheme http`, the origin as `:authority`). */
export const http2Request = async (
  session: ClientHttp2Session,
  url: string,
  token: string | undefined,
  init: { method?: string; body?: Buffer } = {},
): Promise<StreamReply> => {
  const target = new URL(url);
  const stream = session.request({
    ':method': init.method ?? 'GET',
    ':scheme': 'http',
    ':authority': target.host,
    ':path': `${target.pathname}${target.search}`,
    ...authorization(token),
  });
  stream.end(init.body);
  const headers = await new Promise<IncomingHttpHeaders>((resolve, reject) => {
    stream.once('response', resolve);
    stream.once('error', reject);
  });
  return { status: Number(headers[':status']), headers, body: await readAll(stream) };
};

/** CONNECT as a stream; when it opens, one HTTP/1.1 request inside the tunnel, read to its end. */
export const http2Tunnel = async (
  session: ClientHttp2Session,
  target: string,
  path: string,
  token: string | undefined,
): Promise<{ connect: StreamReply; inner: string | null }> => {
  const stream = session.request({ ':method': 'CONNECT', ':authority': target, ...authorization(token) });
  const headers = await new Promise<IncomingHttpHeaders>((resolve, reject) => {
    stream.once('response', resolve);
    stream.once('error', reject);
  });
  const status = Number(headers[':status']);
  if (status !== 200) return { connect: { status, headers, body: await readAll(stream) }, inner: null };
  // Written, not ended: like a browser, the client keeps its side open until the destination closes.
  stream.write(`GET ${path} HTTP/1.1\r\nHost: ${target}\r\nConnection: close\r\n\r\n`);
  const inner = (await readAll(stream)).toString('latin1');
  stream.close();
  return { connect: { status, headers, body: Buffer.alloc(0) }, inner };
};
