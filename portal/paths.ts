import { PORTAL_LINK_PATH } from '../src/messages/external';

/**
 * Every page of the portal. The service answers each of these with the app's HTML, and the mailed links
 * (/verify-email, /reset-password, /sign-in) and the extension's hand-off (/link) land on them.
 */
export const paths = {
  home: '/',
  signUp: '/sign-up',
  signIn: '/sign-in',
  verifyEmail: '/verify-email',
  resetPassword: '/reset-password',
  devices: '/devices',
  subscription: '/subscription',
  security: '/security',
  traffic: '/traffic',
  link: PORTAL_LINK_PATH,
} as const;
export type PortalPath = (typeof paths)[keyof typeof paths];
