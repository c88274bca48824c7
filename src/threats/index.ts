// Web protection's pure core. The background needs: verifySnapshotText / verifySnapshot (bundled or downloaded
// list), verifyDelta (an update), compileDnrRules + planRuleUpdate (enforcement), createMatcher (the
// navigation check and the warning page's details). The server needs: parseFeed, mergeFeeds, buildSnapshot,
// snapshotSha256, diffSnapshots.

// URLs
export { canonicalize, type CanonicalUrl } from './canonicalize';
export { hostSuffixes, lookupExpressions, pathPrefixes, urlExpression } from './expressions';
export { hostSuffixesOf } from './domains';
export { isReservedHost, isValidHostname } from './hostname';

// Feeds
export { THREAT_TYPES, type ThreatEntry, type ThreatType } from './types';
export {
  parseFeed,
  mergeFeeds,
  type FeedFormat,
  type FeedImport,
  type FeedOptions,
  type FeedSource,
  type RejectedLine,
} from './feeds';
export type { RejectReason } from './feedEntries';
export { popularIndex, type PopularIndex } from './popular';
export { POPULAR_DOMAINS } from './popularDomains';

// Snapshots and deltas
export {
  buildSnapshot,
  SNAPSHOT_FORMAT,
  tagOf,
  type EntryTag,
  type SnapshotTags,
  type ThreatSnapshot,
} from './snapshot';
export { canonicalSerialisation, sha256Hex, snapshotSha256 } from './snapshotHash';
export { deltaSchema, snapshotSchema, type ThreatDelta } from './snapshotSchema';
export { applyDelta, diffSnapshots } from './delta';
export { verifyDelta, verifySnapshot, verifySnapshotText } from './verify';

// Matching and enforcement
export { createMatcher, type ThreatMatch, type ThreatMatcher } from './match';
export {
  compileDnrRules,
  ALLOW_RULE_PRIORITY,
  THREAT_RULE_PRIORITY,
  type DnrCompilation,
  type DnrOptions,
} from './dnr';
export {
  CHROME_DNR_LIMITS,
  DNR_RESOURCE_TYPES,
  type DnrAction,
  type DnrCondition,
  type DnrLimits,
  type DnrResourceType,
  type DnrRule,
} from './dnrTypes';
export { urlFilterFor } from './urlFilter';
export { planRuleUpdate } from './ruleUpdate';
