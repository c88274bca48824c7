import { PORTAL_LINK_PATH } from '../src/messages/external';

/**
 * Every page of the portal. The service answers each of these with the app's HTML, and the mailed links
 * (/verify-email, /reset-password, /sign-in) and the extension's hand-off (/link) land on them. A `:name`
 * segment is a parameter (the same syntax as the service's routes).
 */
export const paths = {
  home: '/',
  signUp: '/sign-up',
  signIn: '/sign-in',
  verifyEmail: '/verify-email',
  resetPassword: '/reset-password',
  devices: '/devices',
  device: '/devices/:id',
  subscription: '/subscription',
  security: '/security',
  traffic: '/traffic',
  link: PORTAL_LINK_PATH,
} as const;
export type PortalPath = (typeof paths)[keyof typeof paths];

export const devicePath = (id: string): string => `/devices/${encodeURIComponent(id)}`;

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
