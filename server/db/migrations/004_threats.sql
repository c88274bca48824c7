-- Web protection: published threat list versions, the sources they are built from, and false-positive reports.

-- One row per published version. The snapshot JSON (compact, as served) is kept for recent versions only, so
-- deltas can be computed from them; older rows keep their metadata for the record and lose the snapshot.
CREATE TABLE threat_versions (
  version integer PRIMARY KEY CHECK (version > 0),
  created_at timestamptz NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  domains integer NOT NULL,
  urls integer NOT NULL,
  -- 'bundled' (seeded from the extension's snapshot) or 'import'.
  origin text NOT NULL,
  snapshot text
);

-- The current entries of each source, a (list name, entry kind) pair: an import replaces its sources whole,
-- and every version is rebuilt from all of them. JSON text: [[value, threat], ...].
CREATE TABLE threat_sources (
  list text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('domain', 'url')),
  entries text NOT NULL,
  entry_count integer NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (list, kind)
);

CREATE TABLE threat_false_positives (
  id bigserial PRIMARY KEY,
  url text NOT NULL,
  list_version integer NOT NULL,
  comment text,
  ip text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX threat_false_positives_ip ON threat_false_positives (ip, created_at);
