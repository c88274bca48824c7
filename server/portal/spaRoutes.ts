import { portalPages } from '../../src/portalPages';

/**
 * The portal's pages (src/portalPages), each answered with the app's HTML so a mailed link or a reload lands
 * on the right page. Listed one by one rather than caught by a wildcard so /api and /dev keep their own 404s.
 */
export const PORTAL_SPA_ROUTES = Object.values(portalPages);
