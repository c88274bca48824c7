/** Upgrades stored settings from version `n` to `n + 1`: a small pure function with its own test. */
export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;
