import { isDottedQuad } from './ipv4';

/**
 * A host and every parent domain of it ("a.b.c" → a.b.c, b.c, c): what a domain entry can match.
 * IP literals have no parents.
 */
export function hostSuffixesOf(host: string): string[] {
  if (isDottedQuad(host) || host.startsWith('[')) return [host];
  const suffixes = [host];
  for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1))
    suffixes.push(host.slice(dot + 1));
  return suffixes;
}
