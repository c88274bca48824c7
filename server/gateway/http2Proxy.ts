import http from 'node:http';
import http2, {
  type IncomingHttpHeaders,
  type OutgoingHttpHeaders,
  type ServerHttp2Session,
  type ServerHttp2Stream,
} from 'node:http2';
import net from 'node:net';
import type { TLSSocket } from 'node:tls';
import { RequestError, type ConnectionStats, type PrepareRequestFunctionResult } from 'proxy-chain';
import type { AdmissionInput } from './admission';
import { unbracketed } from './destination';
import { answerOf, basicPassword } from './proxyAnswer';
import { hopByHopNames } from './requestShape';

// HTTP/2 to the gateway, as Chromium speaks it to an HTTPS proxy that offers `h2` in ALPN: every CONNECT
// tunnel and every plain-HTTP request is a stream of one TLS connection, so a browser pays for one handshake
// instead of one per tunnel (RFC 9113 §8.5). Admission, metering and refusals are the HTTP/1.1 path's.

/** Stream ids for metering start here, far above proxy-chain's connection counter, so the two never meet. */
const FIRST_STREAM_ID = 2 ** 40;
/** How many tunnels one connection may hold open at once (Chromium opens up to 100 streams to a server). */
const MAX_STREAMS_PER_CONNECTION = 128;
/** Receive windows large enough that one upload is not held to HTTP/2's 64 KiB default. */
const STREAM_WINDOW_BYTES = 1024 * 1024;
const SESSION_WINDOW_BYTES = 16 * 1024 * 1024;

const { NGHTTP2_CANCEL, NGHTTP2_CONNECT_ERROR } = http2.constants;

export interface Http2ProxyDeps {
  admit: (input: AdmissionInput) => Promise<PrepareRequestFunctionResult>;
  authRealm: string;
  /** A stream with an owner ended: its final byte counts. */
  closed: (streamId: number, stats: ConnectionStats) => void;
  /** Before a request authenticates (TLS handshake included) a connection idles out after this; then idleMs. */
  pendingMs: number;
  log: (line: string) => void;
}

interface Open {
  /** What the client sent (request body or tunnel upload) and received, payload bytes. */
  up: () => number;
  down: () => number;
  stop: () => void;
}

/** The request's headers without pseudo-headers, as the HTTP/1.1 path's `rawHeaders` (Host checks use it). */
const regularHeaders = (raw: readonly string[]): string[] => {
  const kept: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    if (!(raw[i] ?? ':').startsWith(':')) kept.push(raw[i] ?? '', raw[i + 1] ?? '');
  }
  return kept;
};

/** Headers for a hop that is not this one: HTTP/2 forbids connection-specific ones, HTTP/1.1 must not forward them. */
const forwardable = (
  raw: readonly string[],
  drop: ReadonlySet<string>,
): Record<string, string | string[]> => {
  const named = hopByHopNames(raw);
  const headers: Record<string, string | string[]> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const name = (raw[i] ?? '').toLowerCase();
    if (named.has(name) || drop.has(name)) continue;
    const value = raw[i + 1] ?? '';
    const before = headers[name];
    headers[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  return headers;
};
const notToOrigin = new Set(['host', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);
const notToClient = new Set(['te', 'trailer', 'transfer-encoding', 'upgrade']);

/**
 * Serves HTTP/2 connections handed over after the TLS handshake chose `h2`. Each stream is admitted like an
 * HTTP/1.1 request, then tunnelled (CONNECT) or forwarded (a plain `http:` request); its bytes are metered under
 * an id of its own, and it can be cut alone when its owner reaches the daily limit.
 */
export class Http2Proxy {
  private readonly server: http2.Http2Server;
  private readonly open = new Map<number, Open>();
  private nextId = FIRST_STREAM_ID;

  constructor(private readonly deps: Http2ProxyDeps) {
    this.server = http2.createServer({
      settings: { maxConcurrentStreams: MAX_STREAMS_PER_CONNECTION, initialWindowSize: STREAM_WINDOW_BYTES },
    });
    this.server.on('session', (session: ServerHttp2Session) => {
      session.setLocalWindowSize(SESSION_WINDOW_BYTES);
      // Until a stream authenticates: the admission's `authenticated` then raises it to the idle timeout through
      // `session.socket.setTimeout`, which HTTP/2 applies to the session.
      session.setTimeout(deps.pendingMs, () => session.destroy());
      session.on('error', (error) => deps.log(`HTTP/2 session error: ${String(error)}`));
    });
    this.server.on(
      'stream',
      (stream: ServerHttp2Stream, headers: IncomingHttpHeaders, _flags: number, rawHeaders: string[]) =>
        this.onStream(stream, headers, rawHeaders),
    );
  }

  /** A TLS connection whose ALPN chose `h2`. Its own idle timer is replaced by the session's. */
  handle(socket: TLSSocket): void {
    socket.setTimeout(0);
    this.server.emit('connection', socket);
  }

  statsOf(id: number): ConnectionStats | undefined {
    const entry = this.open.get(id);
    return entry === undefined ? undefined : statsOf(entry);
  }

  closeStream(id: number): void {
    this.open.get(id)?.stop();
  }

  private onStream(stream: ServerHttp2Stream, headers: IncomingHttpHeaders, rawHeaders: string[]): void {
    stream.on('error', () => undefined);
    const id = this.nextId++;
    const method = headers[':method'] ?? '';
    const authority = headers[':authority'] ?? '';
    const isHttp = method !== 'CONNECT';
    let target: URL;
    try {
      target = new URL(
        isHttp
          ? `${headers[':scheme'] ?? ''}://${authority}${headers[':path'] ?? ''}`
          : `connect://${authority}`,
      );
    } catch {
      this.fail(stream, new RequestError(`Target "${authority}" could not be parsed`, 400));
      return;
    }
    if (isHttp && target.protocol !== 'http:') {
      this.fail(stream, new RequestError(`Only HTTP protocol is supported (was ${target.protocol})`, 400));
      return;
    }
    if (!isHttp && (target.hostname === '' || target.port === '')) {
      this.fail(stream, new RequestError(`Target "${authority}" could not be parsed`, 400));
      return;
    }
    const password = basicPassword(headers['proxy-authorization']);
    if (password === null) {
      this.fail(stream, new RequestError('Invalid "Proxy-Authorization" header', 400));
      return;
    }
    const raw = regularHeaders(rawHeaders);
    const session = stream.session;
    if (session === undefined) return;
    this.deps
      .admit({
        connectionId: id,
        request: { rawHeaders: raw, url: isHttp ? target.href : authority, socket: session.socket },
        password,
        hostname: target.hostname,
        port: Number(target.port || 80),
        isHttp,
      })
      .then((result) => {
        if (stream.destroyed) return;
        if (result.customResponseFunction !== undefined) return this.custom(stream, result);
        if (result.customConnectServer !== undefined && result.customConnectServer !== null) {
          stream.respond({ ':status': 200 });
          result.customConnectServer.emit('connection', stream);
          return;
        }
        if (isHttp) this.forward(id, stream, method, target, raw, result);
        else this.tunnel(id, stream, target, result);
      })
      .catch((error: unknown) => this.fail(stream, error));
  }

  private tunnel(
    id: number,
    stream: ServerHttp2Stream,
    target: URL,
    result: PrepareRequestFunctionResult,
  ): void {
    const upstream = net.connect({
      host: unbracketed(target.hostname),
      port: Number(target.port),
      noDelay: true,
      ...(result.dnsLookup === undefined ? {} : { lookup: result.dnsLookup }),
    });
    this.track(id, stream, upstream, {
      up: () => upstream.bytesWritten,
      down: () => upstream.bytesRead,
    });
    upstream.once('connect', () => {
      if (stream.destroyed) return;
      stream.respond({ ':status': 200 });
      stream.pipe(upstream);
      upstream.pipe(stream);
    });
    upstream.on('error', () =>
      this.upstreamFailed(stream, 'Rampart gateway: the destination refused the connection.'),
    );
  }

  private forward(
    id: number,
    stream: ServerHttp2Stream,
    method: string,
    target: URL,
    raw: readonly string[],
    result: PrepareRequestFunctionResult,
  ): void {
    let up = 0;
    let down = 0;
    const outgoing = http.request({
      host: unbracketed(target.hostname),
      port: Number(target.port || 80),
      method,
      path: `${target.pathname}${target.search}`,
      headers: { ...forwardable(raw, notToOrigin), host: target.host },
      agent: false,
      ...(result.dnsLookup === undefined ? {} : { lookup: result.dnsLookup }),
    });
    this.track(id, stream, outgoing, { up: () => up, down: () => down });
    stream.on('data', (chunk: Buffer) => (up += chunk.length));
    stream.pipe(outgoing);
    outgoing.on('response', (response) => {
      if (stream.destroyed) return;
      const headers: OutgoingHttpHeaders = {
        ...forwardable(response.rawHeaders, notToClient),
        ':status': response.statusCode ?? 502,
      };
      stream.respond(headers);
      response.on('data', (chunk: Buffer) => (down += chunk.length));
      response.pipe(stream);
    });
    outgoing.on('error', () =>
      this.upstreamFailed(stream, 'Rampart gateway: the destination did not answer.'),
    );
  }

  /** The destination failed: a 502 while nothing was answered yet, else the stream ends with an error. */
  private upstreamFailed(stream: ServerHttp2Stream, message: string): void {
    if (!stream.headersSent) this.fail(stream, new RequestError(message, 502));
    else stream.close(NGHTTP2_CONNECT_ERROR);
  }

  private async custom(stream: ServerHttp2Stream, result: PrepareRequestFunctionResult): Promise<void> {
    const answer = await result.customResponseFunction?.();
    if (answer === undefined || stream.destroyed) return;
    const headers: OutgoingHttpHeaders = { ':status': answer.statusCode ?? 200 };
    for (const [name, value] of Object.entries(answer.headers ?? {})) headers[name.toLowerCase()] = value;
    stream.respond(headers);
    stream.end(answer.body ?? '');
  }

  /**
   * Meters the stream under `id` until it closes; the destination side goes with it, and a cut (the daily
   * limit) ends both.
   */
  private track(
    id: number,
    stream: ServerHttp2Stream,
    upstream: { destroy(): unknown },
    bytes: Pick<Open, 'up' | 'down'>,
  ): void {
    const entry: Open = {
      ...bytes,
      stop: () => {
        upstream.destroy();
        stream.close(NGHTTP2_CANCEL);
      },
    };
    this.open.set(id, entry);
    stream.once('close', () => {
      upstream.destroy();
      this.open.delete(id);
      this.deps.closed(id, statsOf(entry));
    });
  }

  /** A refusal: its status, headers and message as the HTTP/1.1 path sends them; the connection stays. */
  private fail(stream: ServerHttp2Stream, error: unknown): void {
    if (stream.destroyed || stream.headersSent) return;
    if (!(error instanceof RequestError)) this.deps.log(`HTTP/2 request failed: ${String(error)}`);
    const answer = answerOf(error, this.deps.authRealm);
    stream.respond({ ...answer.headers, ':status': answer.status });
    stream.end(answer.body);
  }
}

const statsOf = (entry: Open): ConnectionStats => ({
  srcRxBytes: entry.up(),
  srcTxBytes: entry.down(),
  trgTxBytes: null,
  trgRxBytes: null,
});
