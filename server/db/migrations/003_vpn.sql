-- Gateways and the traffic they meter.

CREATE TABLE gateways (
  id uuid PRIMARY KEY,
  region text NOT NULL,
  city text NOT NULL,
  host text NOT NULL,
  port integer NOT NULL CHECK (port BETWEEN 1 AND 65535),
  load real NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  UNIQUE (host, port)
);

-- Bytes per device per UTC day.
CREATE TABLE usage_daily (
  device_id uuid NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
  day date NOT NULL,
  bytes bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (device_id, day)
);

-- Batches already counted, so a gateway may retry a report safely.
CREATE TABLE usage_batches (
  batch_id text PRIMARY KEY,
  received_at timestamptz NOT NULL
);
