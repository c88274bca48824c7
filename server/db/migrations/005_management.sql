-- Remote management: each device's latest report, the commands its account queued for it, and the detections
-- the account marked as resolved. Everything goes with the device (ON DELETE CASCADE).

-- Only the latest report is kept: the portal shows the device as it is now.
CREATE TABLE device_reports (
  device_id uuid PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
  state jsonb NOT NULL,
  reported_at timestamptz NOT NULL
);

-- A command belongs to the account that queued it: once the device is linked elsewhere (or nowhere), it is
-- no longer handed out. `seq` orders commands queued within the same millisecond.
CREATE TABLE device_commands (
  id uuid PRIMARY KEY,
  seq bigserial NOT NULL,
  device_id uuid NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  command jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  delivered_at timestamptz,
  finished_at timestamptz,
  outcome text CHECK (outcome IN ('done', 'failed')),
  message text,
  CHECK ((outcome IS NULL) = (finished_at IS NULL))
);
CREATE INDEX device_commands_device ON device_commands (device_id, created_at);

-- Detections at or before `resolved_through` (ms since the epoch) are resolved, and those named by `keys`
-- (only keys of detections still in the latest report are kept, so the list stays as short as the report).
CREATE TABLE detection_resolutions (
  device_id uuid PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
  resolved_through bigint NOT NULL DEFAULT -1,
  keys text[] NOT NULL DEFAULT '{}' CHECK (cardinality(keys) <= 100)
);
