import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { FalsePositiveRequest } from '../../src/api/threats';
import {
  buildSnapshot,
  diffSnapshots,
  snapshotSha256,
  tagOf,
  THREAT_TYPES,
  verifySnapshotText,
  type ThreatEntry,
  type ThreatSnapshot,
  type ThreatType,
} from '../../src/threats';
import { popularIndex, type FeedFormat } from '../../src/threats/feeds';
import { threatsRepository, type Database, type FalsePositiveRow, type ThreatVersionRow } from '../db';
import { ApiError } from '../errors';
import { countReasons, kindOfFormat, parseFeeds, type ReasonCounts } from './threat-feeds';

// The published threat list. Import semantics: a source is a (list name, entry kind) pair. Importing feeds
// named L replaces L's domain entries (hosts/domains formats) and/or L's URL entries (urls/urlhaus-csv) with
// exactly what the files give, as feeds are full dumps; every other source stays as it was. A new list name
// therefore adds a list. The next version is built from all sources and published only if it differs from
// the latest. When two sources list one value, the source whose list name sorts first keeps it.

const BUNDLED_DIR = fileURLToPath(new URL('../../extension/data/threats/', import.meta.url));

export interface ThreatsDeps {
  db: Database;
  now: () => Date;
  /** Holds snapshot.json + snapshot.sha256, the list the extension ships: version 1 of an empty database. */
  bundledDir?: string;
  /** Versions whose snapshot is kept, so deltas can start from them; older clients download the snapshot. */
  keepSnapshots?: number;
  falsePositivesPerIpPerHour?: number;
}

export const FEED_FORMATS = ['urlhaus-csv', 'hosts', 'domains', 'urls'] as const satisfies FeedFormat[];

export const feedFileSchema = z
  .object({
    path: z.string().min(1).optional(),
    text: z.string().optional(),
    format: z.enum(FEED_FORMATS),
    name: z.string().trim().min(1).max(200),
    threat: z.enum(THREAT_TYPES).default('malware'),
  })
  .refine((file) => (file.path === undefined) !== (file.text === undefined), {
    message: 'give either a path or the text of the feed',
  });
export type FeedFile = z.input<typeof feedFileSchema>;

export interface FileReport {
  name: string;
  format: FeedFormat;
  path?: string;
  accepted: number;
  duplicates: number;
  rejected: ReasonCounts;
}

export interface ImportReport {
  files: FileReport[];
  /** Entries per replaced source after joining its files. */
  sources: { list: string; kind: ThreatEntry['kind']; entries: number }[];
  /** The version now published; `published` says whether this import created it. */
  version: number;
  sha256: string;
  published: boolean;
  domains: number;
  urls: number;
}

export interface LatestThreats {
  version: number;
  sha256: string;
  createdAt: string;
}

type StoredEntries = [value: string, threat: ThreatType][];

const notFound = (message: string) => new ApiError('notFound', message);

/**
 * A small insertion-ordered cache of promised immutable values (snapshots, deltas) keyed by version; a
 * failure is forgotten so the next request tries again.
 */
function boundedCache<V>(size: number) {
  const map = new Map<string, Promise<V>>();
  return (key: string, make: () => Promise<V>): Promise<V> => {
    const hit = map.get(key);
    if (hit !== undefined) return hit;
    const value = make();
    map.set(key, value);
    void value.catch(() => map.delete(key));
    if (map.size > size) map.delete(map.keys().next().value as string);
    return value;
  };
}

/** Groups items by key, keeping first-seen order (Map.groupBy needs Node 21). */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

/** The sources a snapshot was built from, as far as it tells (URLs under listed domains were left out). */
function sourcesOf(snapshot: ThreatSnapshot): Map<string, ThreatEntry[]> {
  const sources = new Map<string, ThreatEntry[]>();
  const add = (kind: ThreatEntry['kind'], value: string) => {
    const { threat, list } = tagOf(snapshot, value);
    const key = JSON.stringify([list, kind]);
    const entries = sources.get(key) ?? [];
    entries.push({ kind, value, threat, list });
    sources.set(key, entries);
  };
  for (const value of snapshot.domains) add('domain', value);
  for (const value of snapshot.urls) add('url', value);
  return sources;
}

/** Stores each group of entries (one list and kind per group) as that source's current entries. */
async function replaceSources(
  repo: ReturnType<typeof threatsRepository>,
  groups: Iterable<readonly ThreatEntry[]>,
  now: () => Date,
): Promise<void> {
  for (const entries of groups) {
    const first = entries[0];
    if (first === undefined) continue;
    await repo.replaceSource({
      list: first.list,
      kind: first.kind,
      entries: JSON.stringify(entries.map((entry): StoredEntries[number] => [entry.value, entry.threat])),
      count: entries.length,
      now: now(),
    });
  }
}

const versionMeta = (row: ThreatVersionRow): LatestThreats => ({
  version: row.version,
  sha256: row.sha256,
  createdAt: row.createdAt.toISOString(),
});

export function createThreatsService(deps: ThreatsDeps) {
  const repo = threatsRepository(deps.db);
  const keep = deps.keepSnapshots ?? 10;
  const perHour = deps.falsePositivesPerIpPerHour ?? 20;
  const popular = popularIndex();
  const snapshotCache = boundedCache<{ snapshot: ThreatSnapshot; text: string } | null>(4);
  const deltaCache = boundedCache<string>(32);
  let seeded: Promise<void> | null = null;

  async function seed(): Promise<void> {
    if ((await repo.latestVersion()) !== null) return;
    const dir = deps.bundledDir ?? BUNDLED_DIR;
    const [json, sha256] = await Promise.all([
      readFile(`${dir}/snapshot.json`, 'utf8'),
      readFile(`${dir}/snapshot.sha256`, 'utf8'),
    ]);
    const verified = await verifySnapshotText(json, sha256);
    if (!verified.ok) throw new Error(`the bundled threat snapshot does not verify: ${verified.error.code}`);
    const snapshot = verified.value;
    await deps.db.transaction(async (tx) => {
      const txRepo = threatsRepository(tx);
      await txRepo.lockVersions();
      if ((await txRepo.latestVersion()) !== null) return; // another process seeded first
      await txRepo.insertVersion({
        version: snapshot.version,
        createdAt: new Date(snapshot.createdAt),
        sha256: sha256.trim(),
        domains: snapshot.domains.length,
        urls: snapshot.urls.length,
        origin: 'bundled',
        snapshot: JSON.stringify(snapshot),
      });
      await replaceSources(txRepo, sourcesOf(snapshot).values(), deps.now);
    });
  }

  /** Version 1 is the bundled list, so the extension's first delta request already fits. */
  const ready = (): Promise<void> =>
    (seeded ??= seed().catch((error: unknown) => {
      seeded = null;
      throw error;
    }));

  async function latestRow(): Promise<ThreatVersionRow> {
    await ready();
    const row = await repo.latestVersion();
    if (row === null) throw new Error('no threat list version after seeding');
    return row;
  }

  /**
   * A kept snapshot, parsed once per process: a version's content never changes. Inside a transaction pass
   * its repository (PGlite runs one query at a time, so the outer handle would wait for the transaction).
   */
  const loadSnapshot = (version: number, from = repo) =>
    snapshotCache(String(version), async () => {
      const text = await from.snapshotText(version);
      return text === null ? null : { snapshot: JSON.parse(text) as ThreatSnapshot, text };
    });

  async function importFeed(files: readonly FeedFile[]): Promise<ImportReport> {
    const inputs = z.array(feedFileSchema).min(1).parse(files);
    const feeds = await Promise.all(
      inputs.map(async (file) => ({
        text: file.text ?? (await readFile(file.path ?? '', 'utf8')),
        source: { name: file.name, format: file.format, threat: file.threat },
      })),
    );
    const reports: FileReport[] = [];
    const replaced = new Map<string, ThreatEntry[]>();
    // Files of one source are joined (a repeat across them is a duplicate); sources are independent.
    const groups = groupBy(
      feeds.map((feed, index) => ({ feed, index })),
      ({ feed }) => JSON.stringify([feed.source.name, kindOfFormat(feed.source.format)]),
    );
    for (const [key, group] of groups) {
      const { parsed, merged } = parseFeeds(
        group.map(({ feed }) => feed),
        popular,
      );
      for (const [i, { source, result }] of parsed.entries()) {
        const path = inputs[group[i]?.index ?? -1]?.path;
        reports.push({
          name: source.name,
          format: source.format,
          ...(path === undefined ? {} : { path }),
          accepted: result.entries.length,
          duplicates: result.duplicates,
          rejected: countReasons(result.rejected),
        });
      }
      // A feed that yields nothing is far likelier broken than empty: keep the list rather than wipe it.
      if (merged.entries.length === 0)
        throw new ApiError('invalidRequest', `No valid entries for ${key}; the list was left as it was.`);
      replaced.set(key, merged.entries);
    }

    const published = await deps.db.transaction(async (tx) => {
      const txRepo = threatsRepository(tx);
      await txRepo.lockVersions();
      const latest = await txRepo.latestVersion();
      if (latest === null) throw new Error('no threat list version after seeding');
      const entries: ThreatEntry[] = [];
      const sources = new Map<string, ThreatEntry[]>(replaced);
      for (const row of await txRepo.sources()) {
        const key = JSON.stringify([row.list, row.kind]);
        if (sources.has(key)) continue;
        const stored = JSON.parse(row.entries) as StoredEntries;
        sources.set(
          key,
          stored.map(([value, threat]) => ({ kind: row.kind, value, threat, list: row.list })),
        );
      }
      for (const key of [...sources.keys()].sort()) entries.push(...(sources.get(key) ?? []));
      await replaceSources(txRepo, replaced.values(), deps.now);

      // Same content as the latest version (built with its number and date) means nothing to publish.
      const current = (await loadSnapshot(latest.version, txRepo))?.snapshot;
      if (current !== undefined) {
        const same = buildSnapshot(entries, { version: current.version, createdAt: current.createdAt });
        if ((await snapshotSha256(same)) === latest.sha256)
          return { row: latest, published: false, domains: latest.domains, urls: latest.urls };
      }
      const next = buildSnapshot(entries, {
        version: latest.version + 1,
        createdAt: deps.now().toISOString(),
      });
      const row = {
        version: next.version,
        createdAt: new Date(next.createdAt),
        sha256: await snapshotSha256(next),
        domains: next.domains.length,
        urls: next.urls.length,
        origin: 'import' as const,
      };
      await txRepo.insertVersion({ ...row, snapshot: JSON.stringify(next) });
      await txRepo.pruneSnapshots(next.version - keep + 1);
      return { row: { ...row, kept: true }, published: true, domains: row.domains, urls: row.urls };
    });

    return {
      files: reports,
      sources: [...replaced.values()].flatMap((list) =>
        list[0] === undefined ? [] : [{ list: list[0].list, kind: list[0].kind, entries: list.length }],
      ),
      version: published.row.version,
      sha256: published.row.sha256,
      published: published.published,
      domains: published.domains,
      urls: published.urls,
    };
  }

  return {
    importFeed: async (files: readonly FeedFile[]): Promise<ImportReport> => {
      await ready();
      return importFeed(files);
    },

    latest: async (): Promise<LatestThreats> => versionMeta(await latestRow()),

    /** The latest snapshot as the API serves it: `{ snapshot, sha256 }`, serialised once per version. */
    async snapshot(): Promise<{ version: number; sha256: string; body: string }> {
      const row = await latestRow();
      const loaded = await loadSnapshot(row.version);
      if (loaded === null) throw new Error(`the snapshot of version ${row.version} is missing`);
      return {
        version: row.version,
        sha256: row.sha256,
        body: `{"snapshot":${loaded.text},"sha256":"${row.sha256}"}`,
      };
    },

    /** The delta from `since` to the latest version, as JSON text (deltaSchema, with the new hash). */
    async deltaSince(since: number): Promise<{ from: number; to: number; body: string }> {
      const latest = await latestRow();
      if (since >= latest.version)
        throw notFound(
          since === latest.version
            ? `Version ${since} is the latest; there is no delta to apply.`
            : `There is no version ${since}; the latest is ${latest.version}.`,
        );
      const body = await deltaCache(`${since}>${latest.version}`, async () => {
        const [from, to] = await Promise.all([loadSnapshot(since), loadSnapshot(latest.version)]);
        if (from === null || to === null) throw notFound(`No delta from version ${since} is kept.`);
        return JSON.stringify(await diffSnapshots(from.snapshot, to.snapshot));
      });
      return { from: since, to: latest.version, body };
    },

    async reportFalsePositive(input: FalsePositiveRequest, ip: string): Promise<void> {
      const url = URL.parse(input.url);
      if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:'))
        throw new ApiError('invalidRequest', 'url: must be an http or https URL.');
      const now = deps.now();
      const recent = await repo.falsePositivesFromIpSince(ip, new Date(now.getTime() - 3_600_000));
      if (recent >= perHour)
        throw new ApiError('tooManyRequests', 'Too many reports from this address. Try again later.', {
          retryAfterSeconds: 3600,
        });
      await repo.insertFalsePositive({
        url: input.url,
        listVersion: input.listVersion,
        comment: input.comment ?? null,
        ip,
        createdAt: now,
      });
    },

    versions: async (limit = 50): Promise<ThreatVersionRow[]> => {
      await ready();
      return repo.versions(limit);
    },

    falsePositives: (limit = 50): Promise<FalsePositiveRow[]> => repo.latestFalsePositives(limit),
  };
}

export type ThreatsService = ReturnType<typeof createThreatsService>;
