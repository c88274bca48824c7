// Web protection's pure core. The background needs: verifySnapshotText / verifySnapshot (bundled or downloaded
// list), verifyDelta (an update), compileDnrRules + planRuleUpdate (enforcement), createMatcher (the
// navigation check and the warning page's details). The server needs: parseFeed and mergeFeeds (from
// './feeds', see below), buildSnapshot, snapshotSha256, diffSnapshots.

// URLs
export { canonicalize, type CanonicalUrl } from './canonicalize';
export { hostSuffixes, lookupExpressions, pathPrefixes, urlExpression } from './expressions';
export { hostSuffixesOf } from './domains';
export { isReservedHost, isValidHostname } from './hostname';

// Feeds: parseFeed, mergeFeeds, popularIndex, POPULAR_DOMAINS and their types are imported from
// './threats/feeds' directly (server, build script). They use the Public Suffix List (tldts, ~100 KB), which
// bundlers keep whenever a module that imports it is reachable, and the extension never parses feeds.
export { THREAT_TYPES, type ThreatEntry, type ThreatType } from './types';

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
export { dnrLimitsFrom } from './dnrLimits';
export { urlFilterFor } from './urlFilter';
export { planRuleUpdate } from './ruleUpdate';
export { PROCEED_ALLOWANCE_MINUTES, PROCEED_ALLOWANCE_MS } from './proceedAllowance';
