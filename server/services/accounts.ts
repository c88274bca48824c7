import { randomUUID } from 'node:crypto';
import { passwordRuleMessages, type PasswordRule } from '../../src/api/password-rules';
import {
  emailTokensRepository,
  pendingSignInsRepository,
  usersRepository,
  type Database,
  type Queryable,
  type UserRow,
} from '../db';
import { ApiError, invalidCredentials, invalidToken } from '../errors';
import type { MailJob } from '../mail/jobs';
import { checkPassword } from '../security/password-policy';
import type { PasswordHasher } from '../security/passwords';
import { hashToken, newToken } from '../security/tokens';
import type { ClientMeta, IssuedSession, SessionsService } from './sessions';
import type { Attempt, Throttle } from './throttle';
import { addSeconds } from './time';
import type { SecondFactor, TwoFactorService } from './two-factor';

const PENDING_SIGN_IN_SECONDS = 5 * 60;
const PENDING_SIGN_IN_ATTEMPTS = 5;

export interface AccountsDeps {
  db: Database;
  now: () => Date;
  hasher: PasswordHasher;
  /** The mail worker's queue: tokens and mails are made there, after the answer (see `account-mail.ts`). */
  mail: { enqueue(job: MailJob): Promise<void> };
  throttle: Throttle;
  sessions: SessionsService;
  twoFactor: TwoFactorService;
}

export type SignInOutcome =
  | { kind: 'signedIn'; user: UserRow; session: IssuedSession }
  | { kind: 'twoFactorRequired'; pendingToken: string; expiresAt: Date };

/** Refuses a password with the list of every rule it breaks, each with its own message. */
export function assertStrongPassword(password: string, email: string): void {
  const failed = checkPassword(password, [email, email.split('@')[0] ?? '', 'rampart']);
  if (failed.length === 0) return;
  const rules = failed.map((code: PasswordRule) => ({ code, message: passwordRuleMessages[code] }));
  throw new ApiError(
    'weakPassword',
    `The password does not meet the rules: ${rules.map((r) => r.message).join(' ')}`,
    {
      rules: failed,
      messages: rules,
    },
  );
}

export function createAccountsService(deps: AccountsDeps) {
  const users = usersRepository(deps.db);
  const emailTokens = emailTokensRepository(deps.db);
  const pending = pendingSignInsRepository(deps.db);

  /**
   * Email + password (+ second factor when 2FA is on) with the sign-in throttle. Shared by portal sign-in and
   * device linking. Returns null when the password is right but a second factor is needed and none was given.
   *
   * `trustedDevice` is the nonce of a valid device cookie issued to this browser for this email: its attempts
   * count against that cookie instead of the account, so strangers locking the account out do not lock the
   * owner out of a browser that signed in before (OWASP, "Slow down online guessing attacks with device
   * cookies"). The address is counted either way.
   */
  async function checkCredentials(
    email: string,
    password: string,
    ip: string | null,
    factor: SecondFactor | null,
    trustedDevice: string | null = null,
  ): Promise<UserRow | null> {
    const attempts: Attempt[] = [
      trustedDevice === null ? ['signInAccount', email] : ['signInDevice', trustedDevice],
      ['signInIp', ip ?? 'unknown'],
    ];
    const reservation = await deps.throttle.reserve(attempts);
    const user = await users.byEmail(email);
    if (!user) {
      await deps.hasher.verifyDummy(password);
      throw invalidCredentials();
    }
    if (!(await deps.hasher.verify(user.passwordHash, password))) throw invalidCredentials();
    if (user.totpEnabledAt !== null) {
      if (factor === null) {
        await reservation.release();
        return null;
      }
      if (!(await deps.twoFactor.verify(user, factor)))
        throw new ApiError('invalidTwoFactorCode', 'The code is incorrect or has expired.');
    }
    await reservation.succeed();
    return user;
  }

  /** A new password ends every link mailed before it (reset and verification): the old mailbox loses its keys. */
  async function setPassword(tx: Queryable, userId: string, passwordHash: string): Promise<void> {
    await usersRepository(tx).setPasswordHash(userId, passwordHash);
    await emailTokensRepository(tx).spendEvery(userId, deps.now());
  }

  return {
    checkCredentials,

    /** The same answer whether or not the email is taken; an existing owner gets a "you already have an account" mail. */
    async signUp(email: string, password: string, ip: string | null): Promise<void> {
      assertStrongPassword(password, email);
      await deps.throttle.reserve([['registerIp', ip ?? 'unknown']]);
      const id = randomUUID();
      const passwordHash = await deps.hasher.hash(password);
      const created = await users.insert({ id, email, passwordHash, now: deps.now() });
      await deps.mail.enqueue(
        created ? { kind: 'verifyEmail', userId: id } : { kind: 'alreadyRegistered', email },
      );
    },

    async verifyEmail(token: string, ip: string | null): Promise<void> {
      const reservation = await deps.throttle.reserve([['verifyIp', ip ?? 'unknown']]);
      const userId = await emailTokens.consume(hashToken(token), 'verifyEmail', deps.now());
      if (userId === null) throw invalidToken();
      await reservation.succeed();
      await users.markVerified(userId, deps.now());
    },

    /** A fresh link for an unverified account, from the mail worker; silent otherwise. */
    async resendVerification(email: string, ip: string | null): Promise<void> {
      await deps.throttle.reserve([
        ['resetAccount', `verify:${email}`],
        ['verifyIp', ip ?? 'unknown'],
      ]);
      // Whether the address has an unverified account is the worker's question, not the answer's.
      await deps.mail.enqueue({ kind: 'resendVerification', email });
    },

    async signIn(
      input: { email: string; password: string; rememberMe: boolean },
      meta: ClientMeta,
      trustedDevice: string | null = null,
    ): Promise<SignInOutcome> {
      const user = await checkCredentials(input.email, input.password, meta.ip, null, trustedDevice);
      if (user === null) {
        const byEmail = await users.byEmail(input.email);
        if (!byEmail) throw invalidCredentials();
        const pendingToken = newToken();
        const expiresAt = addSeconds(deps.now(), PENDING_SIGN_IN_SECONDS);
        await pending.insert(
          hashToken(pendingToken),
          { userId: byEmail.id, rememberMe: input.rememberMe },
          expiresAt,
        );
        return { kind: 'twoFactorRequired', pendingToken, expiresAt };
      }
      if (user.emailVerifiedAt === null)
        throw new ApiError(
          'emailNotVerified',
          'Confirm your email address first: follow the link we sent you.',
        );
      return { kind: 'signedIn', user, session: await deps.sessions.create(user.id, input.rememberMe, meta) };
    },

    /** Second step of a sign-in with 2FA: the pending token from step one and a TOTP or recovery code. */
    async completeTwoFactor(
      pendingToken: string,
      factor: SecondFactor,
      meta: ClientMeta,
    ): Promise<SignInOutcome> {
      const tokenHash = hashToken(pendingToken);
      const found = await pending.attempt(tokenHash, deps.now(), PENDING_SIGN_IN_ATTEMPTS);
      if (found === null) throw new ApiError('invalidToken', 'This sign-in has expired. Sign in again.');
      const reservation = await deps.throttle.reserve([
        ['twoFactorAccount', found.userId],
        ['signInIp', meta.ip ?? 'unknown'],
      ]);
      const user = await users.byId(found.userId);
      if (!user || !(await deps.twoFactor.verify(user, factor)))
        throw new ApiError('invalidTwoFactorCode', 'The code is incorrect or has expired.');
      await reservation.succeed();
      await pending.markUsed(tokenHash, deps.now());
      if (user.emailVerifiedAt === null)
        throw new ApiError(
          'emailNotVerified',
          'Confirm your email address first: follow the link we sent you.',
        );
      return { kind: 'signedIn', user, session: await deps.sessions.create(user.id, found.rememberMe, meta) };
    },

    /** Always the same answer, in the same time; the worker mails a link only when the account exists. */
    async requestPasswordReset(email: string, ip: string | null): Promise<void> {
      await deps.throttle.reserve([
        ['resetAccount', email],
        ['resetIp', ip ?? 'unknown'],
      ]);
      // The same one insert for every address; the worker looks the account up and makes the link.
      await deps.mail.enqueue({ kind: 'passwordReset', email });
    },

    /** Sets a new password from a reset link; every session ends, and the email counts as verified. */
    async resetPassword(token: string, password: string, ip: string | null): Promise<void> {
      const reservation = await deps.throttle.reserve([['resetIp', ip ?? 'unknown']]);
      const tokenHash = hashToken(token);
      // Look first, spend last: a weak new password must not burn the link, and the slow hash stays outside
      // the transaction (PGlite has one connection).
      const found = await emailTokens.peek(tokenHash, 'resetPassword', deps.now());
      const user = found === null ? null : await users.byId(found);
      if (!user) throw invalidToken();
      await reservation.succeed();
      assertStrongPassword(password, user.email);
      const passwordHash = await deps.hasher.hash(password);
      const userId = await deps.db.transaction(async (tx) => {
        const id = await emailTokensRepository(tx).consume(tokenHash, 'resetPassword', deps.now());
        if (id === null) return null;
        await setPassword(tx, id, passwordHash);
        await usersRepository(tx).markVerified(id, deps.now());
        return id;
      });
      if (userId === null) throw invalidToken();
      await deps.sessions.revokeAll(userId);
    },

    /** Changes the password of a signed-in account and signs out its other sessions. */
    async changePassword(
      user: UserRow,
      keepSessionId: string,
      currentPassword: string,
      newPassword: string,
      ip: string | null,
    ): Promise<void> {
      const reservation = await deps.throttle.reserve([
        ['signInSession', keepSessionId],
        ['signInIp', ip ?? 'unknown'],
      ]);
      if (!(await deps.hasher.verify(user.passwordHash, currentPassword))) throw invalidCredentials();
      await reservation.succeed();
      assertStrongPassword(newPassword, user.email);
      const passwordHash = await deps.hasher.hash(newPassword);
      await deps.db.transaction((tx) => setPassword(tx, user.id, passwordHash));
      await deps.sessions.revokeAll(user.id, keepSessionId);
      await deps.mail.enqueue({ kind: 'passwordChanged', email: user.email });
    },
  };
}
export type AccountsService = ReturnType<typeof createAccountsService>;
