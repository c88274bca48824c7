import type { Tier } from '../src/api';
import type { MessageKey } from './i18n';

/** Each plan's name as the portal shows it (Subscription, Overview, Plans). */
export const tierKeys: Record<Tier, MessageKey> = {
  anonymous: 'portal_subscription_tiers_anonymous',
  free: 'portal_subscription_tiers_free',
  unlimited: 'portal_subscription_tiers_unlimited',
};
