import { hostSuffixesOf } from './domains';
import type { ThreatEntry, ThreatType } from './types';

// A snapshot is the whole list the extension enforces, published under an increasing version number.
// Entries are bare strings so 50k domains stay about a megabyte; what each entry is (threat type, source
// list) is one default tag plus the few entries that differ from it.

export const SNAPSHOT_FORMAT = 1;

export interface EntryTag {
  threat: ThreatType;
  list: string;
}

export interface SnapshotTags {
  default: EntryTag;
  /** Keyed by entry value; a URL expression always contains '/', a domain never, so one map serves both. */
  overrides: Record<string, EntryTag>;
}

export interface ThreatSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  /** ISO 8601. */
  createdAt: string;
  /** Canonical hosts, sorted and unique; each covers its subdomains. */
  domains: string[];
  /** Safe Browsing expressions (host + path [+ query]), sorted and unique. */
  urls: string[];
  tags: SnapshotTags;
}

export const tagOf = (snapshot: Pick<ThreatSnapshot, 'tags'>, value: string): EntryTag =>
  snapshot.tags.overrides[value] ?? snapshot.tags.default;

const tagKey = (tag: EntryTag): string => `${tag.threat}\n${tag.list}`;

/** The tag most entries share becomes the default, so overrides stay few. */
function commonestTag(entries: readonly ThreatEntry[]): EntryTag {
  const counts = new Map<string, { tag: EntryTag; count: number }>();
  for (const { threat, list } of entries) {
    const key = tagKey({ threat, list });
    const slot = counts.get(key) ?? { tag: { threat, list }, count: 0 };
    slot.count++;
    counts.set(key, slot);
  }
  const ranked = [...counts.values()].sort(
    (a, b) => b.count - a.count || (tagKey(a.tag) < tagKey(b.tag) ? -1 : 1),
  );
  return ranked[0]?.tag ?? { threat: 'malware', list: 'none' }; // an empty list still needs a valid tag
}

/** Bytewise order (all values are ASCII), the order every list in a snapshot keeps. */
export const byValue = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Builds a snapshot from imported entries (the first entry for a value wins). A URL entry whose host is
 * already blocked as a domain adds nothing, so it is left out.
 */
export function buildSnapshot(
  entries: readonly ThreatEntry[],
  meta: { version: number; createdAt: string },
): ThreatSnapshot {
  const firstByValue = new Map<string, ThreatEntry>();
  for (const entry of entries) if (!firstByValue.has(entry.value)) firstByValue.set(entry.value, entry);
  const kept = [...firstByValue.values()];
  const domainSet = new Set(kept.filter((entry) => entry.kind === 'domain').map((entry) => entry.value));
  const urlEntries = kept.filter(
    (entry) =>
      entry.kind === 'url' &&
      !hostSuffixesOf(entry.value.slice(0, entry.value.indexOf('/'))).some((host) => domainSet.has(host)),
  );
  const listed = [...kept.filter((entry) => entry.kind === 'domain'), ...urlEntries];
  const defaultTag = commonestTag(listed);
  const overrides: Record<string, EntryTag> = {};
  for (const entry of listed) {
    if (entry.threat !== defaultTag.threat || entry.list !== defaultTag.list) {
      overrides[entry.value] = { threat: entry.threat, list: entry.list };
    }
  }
  return {
    format: SNAPSHOT_FORMAT,
    version: meta.version,
    createdAt: meta.createdAt,
    domains: [...domainSet].sort(byValue),
    urls: urlEntries.map((entry) => entry.value).sort(byValue),
    tags: { default: defaultTag, overrides },
  };
}
