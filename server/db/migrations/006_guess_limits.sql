-- Guessing limits (sign-in, two-step, reset, sign-up…), shared by every service instance on this database.
-- The table is rate-limiter-flexible's PostgreSQL store, created here instead of by the library at start so
-- that the schema stays versioned: one row per counted key (a scope and a SHA-256 of its subject, never an
-- email or an address in clear), `points` attempts in the window that ends at `expire` (ms since the epoch).
-- Every attempt is one INSERT … ON CONFLICT DO UPDATE … RETURNING, so concurrent attempts are counted
-- atomically.
CREATE TABLE guess_limits (
  key varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);
CREATE INDEX guess_limits_expire ON guess_limits (expire);

-- Keys the service generates once for all its instances (the device-cookie signing key).
CREATE TABLE server_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL
);
