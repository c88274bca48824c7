// Feed parsing shared by the service's import and scripts/build-threat-snapshot.mjs (the bundled list), so
// both count and build the same way.
import {
  mergeFeeds,
  parseFeed,
  type FeedFormat,
  type FeedImport,
  type FeedSource,
  type PopularIndex,
  type RejectReason,
  type RejectedLine,
} from '../../src/threats/feeds';
import type { ThreatEntry } from '../../src/threats';

/** The sample feeds (shared/data/threats, see its SOURCE.md) the bundled snapshot is built from. */
export const SAMPLE_FEEDS: readonly { file: string; source: FeedSource }[] = [
  { file: 'malicious-domains.txt', source: { name: 'URLhaus', format: 'domains', threat: 'malware' } },
  { file: 'malicious-urls.txt', source: { name: 'URLhaus', format: 'urls', threat: 'malware' } },
];

/** What kind of entry a format yields: a feed replaces its list's entries of that kind. */
export const kindOfFormat = (format: FeedFormat): ThreatEntry['kind'] =>
  format === 'hosts' || format === 'domains' ? 'domain' : 'url';

export type ReasonCounts = Partial<Record<RejectReason, number>>;

export function countReasons(rejected: readonly RejectedLine[]): ReasonCounts {
  const counts: ReasonCounts = {};
  for (const line of rejected) counts[line.reason] = (counts[line.reason] ?? 0) + 1;
  return counts;
}

export const describeReasons = (counts: ReasonCounts): string =>
  Object.entries(counts)
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ') || 'none';

export interface ParsedFeed {
  source: FeedSource;
  result: FeedImport;
}

/** Parses each feed, then joins them; the joined import counts cross-feed repeats as duplicates. */
export function parseFeeds(
  feeds: readonly { text: string; source: FeedSource }[],
  popular?: PopularIndex,
): { parsed: ParsedFeed[]; merged: FeedImport } {
  const parsed = feeds.map(({ text, source }) => ({
    source,
    result: parseFeed(text, source, popular === undefined ? {} : { popular }),
  }));
  return { parsed, merged: mergeFeeds(parsed.map((feed) => feed.result)) };
}
