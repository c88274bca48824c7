// Web protection's pure core: canonical URLs, feed import, versioned snapshots, matching and DNR rules.
export { canonicalize, type CanonicalUrl } from './canonicalize';
export { hostSuffixes, lookupExpressions, pathPrefixes, urlExpression } from './expressions';
