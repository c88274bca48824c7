import { fillPath } from '../src/api/route';
import { portalPages, type PortalPagePath } from '../src/portalPages';

/** Every page of the portal (declared in src/portalPages); a `:name` segment is a parameter. */
export const paths = portalPages;
export type PortalPath = PortalPagePath;

export const devicePath = (id: string): string => fillPath(paths.device, { id });

export interface Match {
  /** The page's entry in `paths`, parameters and all. */
  path: PortalPath;
  params: Record<string, string>;
}

const matchOne = (pattern: PortalPath, path: string): Match | null => {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    const actual = got[i] ?? '';
    if (segment.startsWith(':')) {
      if (actual === '') return null;
      try {
        params[segment.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (segment !== actual) return null;
  }
  return { path: pattern, params };
};

/** The page a location path shows, or null for an unknown path. */
export function matchPath(path: string): Match | null {
  for (const pattern of Object.values(paths)) {
    const match = matchOne(pattern, path);
    if (match !== null) return match;
  }
  return null;
}
