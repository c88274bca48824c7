import { randomUUID } from 'node:crypto';
import type { AccountView } from '../../src/api/accounts';
import { sessionsRepository, usersRepository, type Database, type SessionRow, type UserRow } from '../db';
import { ApiError, unauthenticated } from '../errors';
import { hashToken, newToken } from '../security/tokens';
import { addSeconds } from './time';

const REMEMBER_ME_SECONDS = 30 * 24 * 3600;
// A browser-session cookie still needs a server-side end: a day of idle tabs is plenty.
const BROWSER_SESSION_SECONDS = 24 * 3600;

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface IssuedSession {
  id: string;
  token: string;
  csrfToken: string;
  persistent: boolean;
  expiresAt: Date;
}

export interface Authenticated {
  user: UserRow;
  session: SessionRow;
  token: string;
}

/**
 * The CSRF token of a session, derived from its secret cookie: a page on another origin cannot read the
 * cookie, so it cannot compute the token, and nothing extra is stored.
 */
export const csrfTokenFor = (sessionToken: string): string => hashToken(`csrf:${sessionToken}`);

export const accountView = (user: UserRow): AccountView => ({
  id: user.id,
  email: user.email,
  emailVerified: user.emailVerifiedAt !== null,
  twoFactorEnabled: user.totpEnabledAt !== null,
  createdAt: user.createdAt.toISOString(),
});

export function createSessionsService(deps: { db: Database; now: () => Date }) {
  const sessions = sessionsRepository(deps.db);
  const users = usersRepository(deps.db);
  return {
    async create(userId: string, persistent: boolean, meta: ClientMeta): Promise<IssuedSession> {
      const now = deps.now();
      const token = newToken();
      const session = {
        id: randomUUID(),
        userId,
        persistent,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
        ip: meta.ip,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: addSeconds(now, persistent ? REMEMBER_ME_SECONDS : BROWSER_SESSION_SECONDS),
      };
      await sessions.insert({ ...session, tokenHash: hashToken(token) });
      return {
        id: session.id,
        token,
        csrfToken: csrfTokenFor(token),
        persistent,
        expiresAt: session.expiresAt,
      };
    },

    async authenticate(token: string | undefined): Promise<Authenticated> {
      if (token === undefined || token.length === 0 || token.length > 256) throw unauthenticated();
      const now = deps.now();
      const session = await sessions.activeByTokenHash(hashToken(token), now);
      const user = session && (await users.byId(session.userId));
      if (!session || !user) throw unauthenticated();
      await sessions.touch(session.id, now);
      return { user, session, token };
    },

    list: (userId: string) => sessions.listActive(userId, deps.now()),

    async revoke(userId: string, sessionId: string): Promise<void> {
      if (!(await sessions.revoke(sessionId, userId, deps.now())))
        throw new ApiError('notFound', 'No such session.');
    },

    async signOut(auth: Authenticated): Promise<void> {
      await sessions.revoke(auth.session.id, auth.user.id, deps.now());
    },

    revokeAll: (userId: string, keepId: string | null = null) =>
      sessions.revokeAll(userId, deps.now(), keepId),
  };
}
export type SessionsService = ReturnType<typeof createSessionsService>;
