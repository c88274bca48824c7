// Web protection's pure core: canonical URLs, feed import, versioned snapshots, matching and DNR rules.
export { canonicalize, type CanonicalUrl } from './canonicalize';
export { hostSuffixes, lookupExpressions, pathPrefixes, urlExpression } from './expressions';
export { THREAT_TYPES, type ThreatEntry, type ThreatType } from './types';
export { parseFeed, mergeFeeds, type FeedFormat, type FeedImport, type FeedOptions, type FeedSource, type RejectedLine } from './feeds';
export type { RejectReason } from './feedEntries';
export { popularIndex, type PopularIndex } from './popular';
export { POPULAR_DOMAINS } from './popularDomains';
export { isReservedHost, isValidHostname } from './hostname';
