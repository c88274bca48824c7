import type { FastifyLoggerOptions, FastifyRequest } from 'fastify';
import { redactUrl } from './redactUrl';

/** Where log lines go when not to stdout (tests capture them). */
export interface LogStream {
  write(line: string): void;
}

/**
 * Fastify's own JSON logger, with the request's URL redacted: mailed links (`/reset-password?token=…`,
 * `/verify-email?token=…`) and the hand-off (`/link?state=…`) would otherwise leave their secrets in the
 * log, readable by whoever reads the logs.
 */
export function loggerOptions(
  enabled: boolean,
  stream?: LogStream,
): boolean | (FastifyLoggerOptions & { stream?: LogStream }) {
  if (!enabled && stream === undefined) return false;
  return {
    level: 'info',
    ...(stream === undefined ? {} : { stream }),
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        host: request.host,
        remoteAddress: request.ip,
        ...(request.socket?.remotePort === undefined ? {} : { remotePort: request.socket.remotePort }),
      }),
    },
  };
}
