import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A fresh bearer secret: 256 bits, base64url. */
export const newToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** What the database keeps of a bearer secret: a lost table leaks nothing usable. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

export const sameSecret = (a: string, b: string): boolean => {
  // Hash first so the comparison is constant-time whatever the lengths.
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
};

const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A code people may type: Crockford-free base32 (no 0/1/8/9 to confuse), `length` characters. */
export function newTypableCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i += 1) code += base32[randomInt(base32.length)];
  return code;
}

/** XXXX-XXXX-… for display. */
export const groupCode = (code: string, size = 4): string =>
  code.match(new RegExp(`.{1,${size}}`, 'g'))?.join('-') ?? code;
