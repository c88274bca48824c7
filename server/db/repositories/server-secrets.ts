import type { Queryable } from '../database';

export const serverSecretsRepository = (db: Queryable) => ({
  /**
   * The secret called `name`, created from `fresh` by whichever instance asks first: the insert is ignored when
   * another instance won the race, and every instance reads the one stored value.
   */
  async getOrCreate(name: string, fresh: string, now: Date): Promise<string> {
    await db.query(
      'INSERT INTO server_secrets (name, value, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING',
      [name, fresh, now],
    );
    const { rows } = await db.query<{ value: string }>('SELECT value FROM server_secrets WHERE name = $1', [
      name,
    ]);
    const value = rows[0]?.value;
    if (value === undefined) throw new Error(`server secret ${name} missing after insert`);
    return value;
  },
});
