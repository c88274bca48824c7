import type { FastifyRequest } from 'fastify';
import { GATEWAY_SECRET_HEADER } from '../../src/api/proxyCredential';
import type { DeviceContext } from '../db';
import { ApiError } from '../errors';
import { csrfTokenFor, type Authenticated, type SessionsService } from '../services/sessions';
import type { DevicesService } from '../services/devices';
import { sameSecret } from '../security/tokens';
import type { SessionCookies } from './cookies';

export const CSRF_HEADER = 'x-rampart-csrf';

export interface Guards {
  /** The signed-in account; for writes also the CSRF checks. */
  session(request: FastifyRequest): Promise<Authenticated>;
  /** The device behind `Authorization: Bearer <access token>`. */
  device(request: FastifyRequest): Promise<DeviceContext>;
  /** A gateway, by the shared secret in the `x-rampart-gateway-secret` header. */
  gateway(request: FastifyRequest): void;
}

const bearer = (request: FastifyRequest): string | undefined => {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function createGuards(deps: {
  sessions: SessionsService;
  devices: DevicesService;
  cookies: SessionCookies;
  publicOrigin: string;
  gatewaySecret: string | null;
}): Guards {
  return {
    async session(request) {
      const auth = await deps.sessions.authenticate(deps.cookies.read(request));
      if (!SAFE_METHODS.has(request.method)) {
        // Two independent checks for cookie-authenticated writes: the browser-set Origin must be ours when
        // present, and the session's CSRF token (readable only by our own pages) must come back in a header.
        const origin = request.headers.origin;
        if (origin !== undefined && origin !== deps.publicOrigin) {
          throw new ApiError('csrfFailed', 'Cross-site request refused.');
        }
        const token = request.headers[CSRF_HEADER];
        if (typeof token !== 'string' || !sameSecret(token, csrfTokenFor(auth.token))) {
          throw new ApiError('csrfFailed', `Missing or wrong ${CSRF_HEADER} header.`);
        }
      }
      return auth;
    },
    device: (request) => deps.devices.authenticate(bearer(request)),
    gateway(request) {
      const token = request.headers[GATEWAY_SECRET_HEADER];
      if (
        deps.gatewaySecret === null ||
        typeof token !== 'string' ||
        !sameSecret(token, deps.gatewaySecret)
      ) {
        throw new ApiError('unauthenticated', 'Gateway secret missing or wrong.');
      }
    },
  };
}
