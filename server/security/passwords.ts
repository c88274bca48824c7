import { argon2id, hash, verify, type HashOptions } from 'argon2';

export interface Argon2Params {
  /** KiB. */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** Stronger than OWASP's minimum (m=19456, t=2, p=1). */
export const productionArgon2: Argon2Params = { memoryCost: 65536, timeCost: 3, parallelism: 4 };
/** For tests only: fast, never for real passwords. */
export const testArgon2: Argon2Params = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** Costs the same as a real check, for unknown accounts, so timing does not reveal which emails exist. */
  verifyDummy(password: string): Promise<void>;
}

export function createPasswordHasher(params: Argon2Params): PasswordHasher {
  const options: HashOptions = { type: argon2id, ...params };
  let dummy: Promise<string> | undefined;
  return {
    hash: (password) => hash(password, options),
    verify: async (hash, password) => {
      try {
        return await verify(hash, password);
      } catch {
        return false;
      }
    },
    async verifyDummy(password) {
      dummy ??= hash('rampart-dummy-password', options);
      await verify(await dummy, password).catch(() => false);
    },
  };
}
