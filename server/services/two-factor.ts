import { usersRepository, type Database, type UserRow } from '../db';
import { ApiError, invalidCredentials } from '../errors';
import type { PasswordHasher } from '../security/passwords';
import { hashToken, newTypableCode } from '../security/tokens';
import { newTotpSecret, totpStep, totpUri } from '../security/totp';
import type { Throttle } from './throttle';

const RECOVERY_CODES = 10;

// Recovery codes are typed by hand: compare them without case, spaces or dashes.
const normaliseRecoveryCode = (code: string): string => code.replace(/[\s-]/g, '').toUpperCase();

export type SecondFactor = { code: string } | { recoveryCode: string };

export function createTwoFactorService(deps: {
  db: Database;
  now: () => Date;
  hasher: PasswordHasher;
  throttle: Throttle;
}) {
  const users = usersRepository(deps.db);

  /** True when `code` is a fresh TOTP code for the account (each time step is accepted once). */
  async function acceptTotp(user: UserRow, code: string): Promise<boolean> {
    if (user.totpSecret === null) return false;
    const step = totpStep(user.totpSecret, code, deps.now());
    return step !== null && (await users.acceptTotpStep(user.id, step));
  }

  return {
    /** Starts (or restarts) setup: a new secret that becomes active once a code from it is confirmed. */
    async setup(user: UserRow): Promise<{ secret: string; otpauthUri: string }> {
      if (user.totpEnabledAt !== null)
        throw new ApiError('twoFactorAlreadyEnabled', 'Two-step verification is already on.');
      const secret = newTotpSecret();
      await users.setPendingTotp(user.id, secret);
      return { secret, otpauthUri: totpUri(secret, user.email) };
    },

    /** Turns 2FA on and returns the recovery codes, the only time they are shown. */
    async confirm(userId: string, code: string): Promise<string[]> {
      const user = await users.byId(userId);
      if (!user || user.totpSecret === null)
        throw new ApiError('twoFactorNotSetUp', 'Start two-step verification setup first.');
      if (user.totpEnabledAt !== null)
        throw new ApiError('twoFactorAlreadyEnabled', 'Two-step verification is already on.');
      if (!(await acceptTotp(user, code)))
        throw new ApiError('invalidTwoFactorCode', 'The code is incorrect or has expired.');
      const codes = Array.from({ length: RECOVERY_CODES }, () => newTypableCode(10));
      await deps.db.transaction(async (tx) => {
        const txUsers = usersRepository(tx);
        await txUsers.enableTotp(user.id, deps.now());
        await txUsers.replaceRecoveryCodes(
          user.id,
          codes.map((c) => hashToken(normaliseRecoveryCode(c))),
        );
      });
      return codes.map((c) => `${c.slice(0, 5)}-${c.slice(5)}`);
    },

    /** Needs the password and a code: guesses count per session (a stolen session cannot guess freely). */
    async disable(
      userId: string,
      sessionId: string,
      password: string,
      code: string,
      ip: string | null,
    ): Promise<void> {
      const user = await users.byId(userId);
      if (!user || user.totpEnabledAt === null)
        throw new ApiError('twoFactorNotSetUp', 'Two-step verification is off.');
      const reservation = await deps.throttle.reserve([
        ['signInSession', sessionId],
        ['signInIp', ip ?? 'unknown'],
      ]);
      if (!(await deps.hasher.verify(user.passwordHash, password))) throw invalidCredentials();
      if (!(await acceptTotp(user, code)))
        throw new ApiError('invalidTwoFactorCode', 'The code is incorrect or has expired.');
      await reservation.succeed();
      await users.disableTotp(user.id);
    },

    /** Checks a second factor at sign-in or device linking: a TOTP code or a single-use recovery code. */
    async verify(user: UserRow, factor: SecondFactor): Promise<boolean> {
      if ('code' in factor) return acceptTotp(user, factor.code);
      return users.useRecoveryCode(
        user.id,
        hashToken(normaliseRecoveryCode(factor.recoveryCode)),
        deps.now(),
      );
    },
  };
}
export type TwoFactorService = ReturnType<typeof createTwoFactorService>;
