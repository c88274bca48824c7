import { randomUUID } from 'node:crypto';
import { passwordRuleMessages, type PasswordRule } from '../../src/api/password-rules';
import {
  emailTokensRepository,
  pendingSignInsRepository,
  usersRepository,
  type Database,
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
   */
  async function checkCredentials(
    email: string,
    password: string,
    ip: string | null,
    factor: SecondFactor | null,
  ): Promise<UserRow | null> {
    const attempts: Attempt[] = [
      ['signInAccount', email],
      ['signInIp', ip ?? 'unknown'],
    ];
    await deps.throttle.guard(attempts);
    const user = await users.byEmail(email);
    if (!user) {
      await deps.hasher.verifyDummy(password);
      deps.throttle.fail(attempts);
      throw invalidCredentials();
    }
    if (!(await deps.hasher.verify(user.passwordHash, password))) {
      deps.throttle.fail(attempts);
      throw invalidCredentials();
    }
    if (user.totpEnabledAt !== null) {
      if (factor === null) return null;
      if (!(await deps.twoFactor.verify(user, factor))) {
        deps.throttle.fail(attempts);
        throw new ApiError('invalidTwoFactorCode', 'The code is incorrect or has expired.');
      }
    }
    deps.throttle.succeed(attempts);
    return user;
  }

  return {
    checkCredentials,

    /** The same answer whether or not the email is taken; an existing owner gets a "you already have an account" mail. */
    async signUp(email: string, password: string, ip: string | null): Promise<void> {
      assertStrongPassword(password, email);
      const attempts: Attempt[] = [['registerIp', ip ?? 'unknown']];
      await deps.throttle.guard(attempts);
      deps.throttle.fail(attempts);
      const id = randomUUID();
      const passwordHash = await deps.hasher.hash(password);
      const created = await users.insert({ id, email, passwordHash, now: deps.now() });
      await deps.mail.enqueue(
        created ? { kind: 'verifyEmail', userId: id } : { kind: 'alreadyRegistered', email },
      );
    },

    async verifyEmail(token: string, ip: string | null): Promise<void> {
      const attempts: Attempt[] = [['verifyIp', ip ?? 'unknown']];
      await deps.throttle.guard(attempts);
      const userId = await emailTokens.consume(hashToken(token), 'verifyEmail', deps.now());
      if (userId === null) {
        deps.throttle.fail(attempts);
        throw invalidToken();
      }
      await users.markVerified(userId, deps.now());
    },

    /** A fresh link for an unverified account, from the mail worker; silent otherwise. */
    async resendVerification(email: string, ip: string | null): Promise<void> {
      const attempts: Attempt[] = [
        ['resetAccount', `verify:${email}`],
        ['verifyIp', ip ?? 'unknown'],
      ];
      await deps.throttle.guard(attempts);
      deps.throttle.fail(attempts);
      // Whether the address has an unverified account is the worker's question, not the answer's.
      await deps.mail.enqueue({ kind: 'resendVerification', email });
    },

    async signIn(
      input: { email: string; password: string; rememberMe: boolean },
      meta: ClientMeta,
    ): Promise<SignInOutcome> {
      const user = await checkCredentials(input.email, input.password, meta.ip, null);
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
      const attempts: Attempt[] = [
        ['twoFactorAccount', found.userId],
        ['signInIp', meta.ip ?? 'unknown'],
      ];
      await deps.throttle.guard(attempts);
      const user = await users.byId(found.userId);
      if (!user || !(await deps.twoFactor.verify(user, factor))) {
        deps.throttle.fail(attempts);
        throw new ApiError('invalidTwoFactorCode', 'The code is incorrect or has expired.');
      }
      deps.throttle.succeed(attempts);
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
      const attempts: Attempt[] = [
        ['resetAccount', email],
        ['resetIp', ip ?? 'unknown'],
      ];
      await deps.throttle.guard(attempts);
      deps.throttle.fail(attempts);
      // The same one insert for every address; the worker looks the account up and makes the link.
      await deps.mail.enqueue({ kind: 'passwordReset', email });
    },

    /** Sets a new password from a reset link; every session ends, and the email counts as verified. */
    async resetPassword(token: string, password: string, ip: string | null): Promise<void> {
      const attempts: Attempt[] = [['resetIp', ip ?? 'unknown']];
      await deps.throttle.guard(attempts);
      const tokenHash = hashToken(token);
      // Look first, spend last: a weak new password must not burn the link, and the slow hash stays outside
      // the transaction (PGlite has one connection).
      const found = await emailTokens.peek(tokenHash, 'resetPassword', deps.now());
      const user = found === null ? null : await users.byId(found);
      if (!user) {
        deps.throttle.fail(attempts);
        throw invalidToken();
      }
      assertStrongPassword(password, user.email);
      const passwordHash = await deps.hasher.hash(password);
      const userId = await deps.db.transaction(async (tx) => {
        const id = await emailTokensRepository(tx).consume(tokenHash, 'resetPassword', deps.now());
        if (id === null) return null;
        await usersRepository(tx).setPasswordHash(id, passwordHash);
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
      const attempts: Attempt[] = [
        ['signInAccount', user.email],
        ['signInIp', ip ?? 'unknown'],
      ];
      await deps.throttle.guard(attempts);
      if (!(await deps.hasher.verify(user.passwordHash, currentPassword))) {
        deps.throttle.fail(attempts);
        throw invalidCredentials();
      }
      assertStrongPassword(newPassword, user.email);
      await users.setPasswordHash(user.id, await deps.hasher.hash(newPassword));
      await deps.sessions.revokeAll(user.id, keepSessionId);
      await deps.mail.enqueue({ kind: 'passwordChanged', email: user.email });
    },
  };
}
export type AccountsService = ReturnType<typeof createAccountsService>;
