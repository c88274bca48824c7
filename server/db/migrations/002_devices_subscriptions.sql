-- Devices (extension installs), their rotating tokens, subscriptions and activation codes.

CREATE TABLE devices (
  id uuid PRIMARY KEY,
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  name text,
  platform text,
  created_at timestamptz NOT NULL,
  linked_at timestamptz,
  last_seen_at timestamptz,
  -- Only the newest access token of a device is valid; it lives on the row so that checking it is one lookup.
  access_token_hash text UNIQUE,
  access_expires_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX devices_user ON devices (user_id);

-- Every refresh token ever issued to a device: a used one presented again means it leaked.
CREATE TABLE refresh_tokens (
  token_hash text PRIMARY KEY,
  device_id uuid NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX refresh_tokens_device ON refresh_tokens (device_id);

CREATE TABLE link_codes (
  code_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE subscriptions (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  plan text NOT NULL CHECK (plan IN ('unlimited')),
  device_limit integer NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE activation_codes (
  code_hash text PRIMARY KEY,
  days integer NOT NULL CHECK (days > 0),
  device_limit integer NOT NULL CHECK (device_limit > 0),
  created_at timestamptz NOT NULL,
  redeemed_at timestamptz,
  redeemed_by uuid REFERENCES users (id) ON DELETE SET NULL
);
