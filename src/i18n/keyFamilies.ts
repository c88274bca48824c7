// Message keys that code builds from parts (`t(\`state_${state}\`)`): each prefix with every part it can be
// given, taken from the type the code uses, so the convention test finds every key in every language and a
// new state, reason or category without its message fails before anyone sees a raw key.
import { apiErrorCodes } from '../api/errors';
import { tier } from '../api/common';
import { allFieldMessageKeys, settingsFileFields } from '../fieldMessages/catalogue';
import type { SiteRouting, StartProblem } from '../messages/contract';
import { categoryActions, categoryIds, languages, siteActions, type Settings } from '../settings/schema';
import { connectionStates, errorReasons } from '../status/states';
import type { BlockedReason } from '../status/view';
import { THREAT_TYPES } from '../threats/types';

/** `satisfies` keeps each list equal to its type: a missing or unknown member does not compile. */
const every = <T extends string>(members: Record<T, true>): T[] => Object.keys(members) as T[];

export const messageKeyFamilies: Record<string, readonly string[]> = {
  apiError_: apiErrorCodes,
  blocked_: every({
    limit: true,
    unreachable: true,
    signedOut: true,
    reconnecting: true,
    restored: true,
    vpnOff: true,
  } satisfies Record<BlockedReason, true>),
  category_: categoryIds,
  categoryAction_: categoryActions,
  errorReason_: errorReasons,
  importErrorField_: settingsFileFields,
  language_: languages,
  notify_: every({
    vpnAutoEnabled: true,
    connectionLost: true,
    limitReached: true,
    siteBlocked: true,
  } satisfies Record<keyof Settings['notifications'], true>),
  plan_: tier.options,
  ruleAction_: siteActions,
  siteRoute_: every({ vpn: true, direct: true, ask: true, blocked: true } satisfies Record<
    SiteRouting['route'],
    true
  >),
  startFailed_: every({ language: true, routing: true, protection: true } satisfies Record<
    StartProblem['part'],
    true
  >),
  state_: connectionStates,
  threat_: THREAT_TYPES,
};

/** Every key of every family, plus the validation sentences (src/fieldMessages picks them at run time). */
export const builtMessageKeys = (): string[] => [
  ...Object.entries(messageKeyFamilies).flatMap(([prefix, parts]) => parts.map((part) => prefix + part)),
  ...allFieldMessageKeys(),
];
