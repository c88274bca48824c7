import { parseCsvLine } from './csv';
import { checkDomain, checkUrl, type Checked, type RejectReason } from './feedEntries';
import { popularIndex, type PopularIndex } from './popular';

export { popularIndex, type PopularIndex } from './popular';
export { POPULAR_DOMAINS } from './popularDomains';
export type { RejectReason } from './feedEntries';
import type { ThreatEntry, ThreatType } from './types';

export type FeedFormat = 'urlhaus-csv' | 'hosts' | 'domains' | 'urls';

export interface FeedSource {
  /** Shown to the user as the list that blocked a page. */
  name: string;
  format: FeedFormat;
  /** The threat type of entries that do not carry their own. */
  threat: ThreatType;
}

export interface RejectedLine {
  /** 1-based line number in the feed. */
  line: number;
  text: string;
  reason: RejectReason;
}

export interface FeedImport {
  entries: ThreatEntry[];
  rejected: RejectedLine[];
  /** Entries dropped because an equal one (same kind and canonical value) came earlier. */
  duplicates: number;
}

export interface FeedOptions {
  popular?: PopularIndex;
}

interface Candidate {
  kind: ThreatEntry['kind'];
  raw: string;
  threat: ThreatType;
}

type LineReader = (line: string, source: FeedSource) => Candidate[] | 'skip' | 'malformed';

/** Sink addresses a hosts file uses to say "nowhere"; any other address is a real mapping, not a block. */
const SINKS = new Set(['0.0.0.0', '127.0.0.1', '::', '::1', '0']);

const URLHAUS_THREATS: Record<string, ThreatType> = { malware_download: 'malware', phishing: 'phishing' };

const withoutComment = (line: string): string => line.replace(/(?:^|\s)#.*$/, '').trim();

const readers: Record<FeedFormat, LineReader> = {
  'urlhaus-csv': (line, source) => {
    const fields = parseCsvLine(line);
    const url = fields?.[2];
    if (fields === null || url === undefined || url === '') return 'malformed';
    if (fields[0] === 'id' && url === 'url') return 'skip'; // an uncommented header row
    return [{ kind: 'url', raw: url, threat: URLHAUS_THREATS[fields[5] ?? ''] ?? source.threat }];
  },
  hosts: (line, source) => {
    const [address, ...names] = withoutComment(line).split(/\s+/);
    if (address === undefined || address === '') return 'skip';
    if (!SINKS.has(address) || names.length === 0) return 'malformed';
    return names.map((raw) => ({ kind: 'domain', raw: raw.toLowerCase(), threat: source.threat }));
  },
  domains: (line, source) => {
    const raw = withoutComment(line);
    return raw === '' ? 'skip' : [{ kind: 'domain', raw: raw.toLowerCase(), threat: source.threat }];
  },
  urls: (line, source) => [{ kind: 'url', raw: line.trim(), threat: source.threat }],
};

/**
 * Parses one feed into canonical, validated, de-duplicated entries, and says why each other line was
 * refused. Popular sites are never entered as domains; on them only URL entries survive.
 */
export function parseFeed(text: string, source: FeedSource, options: FeedOptions = {}): FeedImport {
  const popular = options.popular ?? popularIndex();
  const read = readers[source.format];
  const result: FeedImport = { entries: [], rejected: [], duplicates: 0 };
  const seen = new Set<string>();
  const lines = text.split('\n');
  for (const [index, rawLine] of lines.entries()) {
    const line = rawLine.replace(/\r$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const candidates = read(line, source);
    if (candidates === 'skip') continue;
    if (candidates === 'malformed') {
      result.rejected.push({ line: index + 1, text: line, reason: 'malformed' });
      continue;
    }
    for (const candidate of candidates) {
      const checked: Checked =
        candidate.kind === 'domain' ? checkDomain(candidate.raw, popular) : checkUrl(candidate.raw, popular);
      if (!checked.ok) {
        result.rejected.push({ line: index + 1, text: candidate.raw, reason: checked.reason });
        continue;
      }
      const key = `${candidate.kind} ${checked.value}`;
      if (seen.has(key)) {
        result.duplicates++;
        continue;
      }
      seen.add(key);
      result.entries.push({
        kind: candidate.kind,
        value: checked.value,
        threat: candidate.threat,
        list: source.name,
      });
    }
  }
  return result;
}

/** Joins several imports; an entry already given by an earlier feed counts as a duplicate. */
export function mergeFeeds(imports: readonly FeedImport[]): FeedImport {
  const merged: FeedImport = { entries: [], rejected: [], duplicates: 0 };
  const seen = new Set<string>();
  for (const feed of imports) {
    merged.rejected.push(...feed.rejected);
    merged.duplicates += feed.duplicates;
    for (const entry of feed.entries) {
      const key = `${entry.kind} ${entry.value}`;
      if (seen.has(key)) merged.duplicates++;
      else {
        seen.add(key);
        merged.entries.push(entry);
      }
    }
  }
  return merged;
}
