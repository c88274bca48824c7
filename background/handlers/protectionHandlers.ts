import { ok } from '../../src/result';
import type { Handlers } from '../router';
import type { HandlerDeps } from './deps';

type ProtectionHandlers = Pick<
  Handlers,
  | 'getProtectionStatus'
  | 'setProtectionEnabled'
  | 'updateThreats'
  | 'warningShown'
  | 'proceedToSite'
  | 'alwaysAllowSite'
  | 'reportFalsePositive'
>;

export function protectionHandlers({ protection }: HandlerDeps): ProtectionHandlers {
  return {
    getProtectionStatus: async () => ok(await protection.status()),
    setProtectionEnabled: async ({ enabled }) => {
      await protection.setEnabled(enabled);
      return ok(await protection.status());
    },
    updateThreats: async () => {
      const outcome = await protection.update();
      if (!outcome.ok) return outcome;
      return ok({ ...(await protection.status()), updated: outcome.value.updated });
    },
    warningShown: async ({ url }) => ok(await protection.warningShown(url)),
    proceedToSite: async ({ url }) => protection.proceed(url),
    alwaysAllowSite: async ({ url }) => protection.alwaysAllow(url),
    reportFalsePositive: async ({ url }) => protection.reportFalsePositive(url),
  };
}
