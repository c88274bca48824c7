import * as OTPAuth from 'otpauth';

const PERIOD = 30;

export const newTotpSecret = (): string => new OTPAuth.Secret({ size: 20 }).base32;

const totpFor = (secret: string, label = 'account') =>
  new OTPAuth.TOTP({
    issuer: 'Rampart',
    label,
    secret: OTPAuth.Secret.fromBase32(secret),
    period: PERIOD,
    digits: 6,
  });

export const totpUri = (secret: string, email: string): string => totpFor(secret, email).toString();

/**
 * The time step a code belongs to (±1 step of clock drift), or null. Callers store the last accepted step
 * and refuse steps not after it, so a code cannot be used twice.
 */
export function totpStep(secret: string, code: string, now: Date): number | null {
  const delta = totpFor(secret).validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

/** For tests and the CLI: the current code. */
export const totpCodeAt = (secret: string, now: Date): string =>
  totpFor(secret).generate({ timestamp: now.getTime() });
