/**
 * Every page of the portal, declared once: the portal routes them (portal/paths.ts), the service answers each
 * with the app's HTML (server/portal/spaRoutes.ts), and the extension opens them (background/account/portalLink.ts).
 * The mailed links (/verify-email, /reset-password, /sign-in) and the extension's hand-off (/link) land on
 * them. A `:name` segment is a parameter (the same syntax as the service's routes).
 */
export const portalPages = {
  home: '/',
  signUp: '/sign-up',
  signIn: '/sign-in',
  verifyEmail: '/verify-email',
  resetPassword: '/reset-password',
  devices: '/devices',
  device: '/devices/:id',
  subscription: '/subscription',
  /** The plans side by side, and how to upgrade (activation code, the operator's shop when configured). */
  plans: '/plans',
  security: '/security',
  traffic: '/traffic',
  /** Hands a link code back to the extension; it reads `state` and `extensionId` from its query. */
  link: '/link',
} as const;
export type PortalPageName = keyof typeof portalPages;
export type PortalPagePath = (typeof portalPages)[PortalPageName];
