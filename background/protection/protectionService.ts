import { routes } from '../../src/api/routes';
import type { ProtectionStatus } from '../../src/messages';
import { appError, err, ok, type Result } from '../../src/result';
import {
  compileDnrRules,
  createMatcher,
  planRuleUpdate,
  type DnrRule,
  type ThreatMatch,
  type ThreatMatcher,
  type ThreatSnapshot,
} from '../../src/threats';
import type { Alarm } from '../alarms';
import type { Platform } from '../platform';
import type { SettingsStore } from '../settingsStore';
import type { Allowances } from './allowances';
import { rulesKey, type AppliedRules } from './appliedRules';
import type { Detections } from './detections';
import type { ThreatList } from './threatList';
import { createUpdateCheck } from './updateCheck';
import type { UpdateOutcome } from './updater';

export const WARNING_PAGE = 'warning/index.html';
/** Fires when a "proceed" allowance ends, so the rules block the site again. */
export const ALLOWANCE_ALARM = 'allowance-expiry';
/** Checks for a newer threat list every hour. */
const THREAT_UPDATE_ALARM = 'threat-update';

/** What the dynamic rules must add while the static ruleset enforces the bundled list: nothing but allows. */
const EMPTY_LIST: ThreatSnapshot = {
  format: 1,
  version: 1,
  createdAt: new Date(0).toISOString(),
  domains: [],
  urls: [],
  tags: { default: { threat: 'malware', list: 'none' }, overrides: {} },
};

export interface ProtectionDeps {
  platform: Platform;
  settings: SettingsStore;
  list: ThreatList;
  allowances: Allowances;
  detections: Detections;
  /** Which rules the browser holds, so unchanged ones are not compiled again. */
  applied: AppliedRules;
  update(serviceUrl: string): Promise<Result<UpdateOutcome>>;
  serviceUrl(): Promise<string>;
}

const hostOf = (url: string): string | null => {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
};

/**
 * Web protection: keeps the browser's dynamic rules equal to the threat list minus what the user allowed,
 * answers the warning page, and records detections. Rules are changed with the smallest update, so a new
 * list or one more allowed site never leaves a moment without protection.
 */
export function createProtectionService(deps: ProtectionDeps) {
  const { platform } = deps;
  const updateCheck = createUpdateCheck(platform, deps.update, deps.serviceUrl, () =>
    platform.now().getTime(),
  );
  const warningUrl = `${platform.extensionOrigin}${WARNING_PAGE}`;
  /** URL entries beyond the browser's rule budget, as of the last enforce (kept in memory: every start enforces). */
  let overflow: ThreatMatcher | null = null;

  const applyDynamic = async (rules: DnrRule[]) => {
    const update = planRuleUpdate(await platform.dnr.getDynamicRules(), rules);
    if (update.addRules.length || update.removeRuleIds.length) await platform.dnr.updateDynamicRules(update);
  };

  /** The hash of what the rules are compiled from now (the list by its name, not its contents). */
  const currentKey = async (enabled: boolean, allowHosts: readonly string[]) =>
    rulesKey({
      extensionVersion: platform.extensionVersion,
      enabled,
      allowHosts,
      list: await deps.list.identity(),
      limits: platform.dnr.limits,
      warningUrl,
      hasBundledRuleset: platform.dnr.hasBundledRuleset,
    });

  /**
   * The bundled list is the static ruleset (in force from installation); a downloaded list replaces it with
   * dynamic rules, installed before the static ones are switched off so that nothing slips through between.
   * Allow rules for the user's sites are dynamic in both cases and outrank the threat rules. When the browser
   * still holds the rules installed for the same inputs (a woken worker), the list is neither loaded nor
   * compiled.
   */
  const enforceNow = async (): Promise<void> => {
    const settings = await deps.settings.get();
    const { dnr } = platform;
    const enabled = settings.protectionEnabled;
    const allowHosts = enabled ? [...settings.allowList, ...(await deps.allowances.hosts())] : [];
    if (await deps.applied.inForce(await currentKey(enabled, allowHosts))) return;
    await deps.applied.forget();
    if (!enabled) {
      overflow = null;
      await applyDynamic([]);
      if (dnr.hasBundledRuleset) await dnr.setBundledRulesetEnabled(false);
      await deps.applied.remember(await currentKey(enabled, allowHosts), [], false);
      return;
    }
    const staticList = dnr.hasBundledRuleset && (await deps.list.downloaded()) === null;
    const enforced = staticList ? EMPTY_LIST : (await deps.list.get()).list.snapshot;
    const compiled = compileDnrRules(enforced, {
      warningPageUrl: warningUrl,
      allowHosts,
      limits: dnr.limits,
    });
    overflow =
      compiled.overflow.length === 0
        ? null
        : createMatcher({ ...enforced, domains: [], urls: compiled.overflow });
    await applyDynamic(compiled.rules);
    if (dnr.hasBundledRuleset) await dnr.setBundledRulesetEnabled(staticList);
    // Named after loading: the list loaded is the one these rules hold.
    await deps.applied.remember(await currentKey(enabled, allowHosts), compiled.rules, overflow !== null);
  };

  /**
   * One enforcement at a time: two at once (an update and a settings change) would each plan from the same
   * rules and add them twice, past the browser's rule limit. Each waits for the one before, whose rules it
   * then diffs against.
   */
  let enforcing: Promise<void> = Promise.resolve();
  const enforce = (): Promise<void> => {
    const next = enforcing.then(enforceNow, enforceNow);
    enforcing = next.catch(() => undefined);
    return next;
  };

  const match = async (url: string): Promise<ThreatMatch | null> =>
    (await deps.list.get()).matcher.match(url);

  /** Records a detection when `url` is listed: a page shown the warning, or a resource blocked. */
  const detect = async (url: string, kind: 'page' | 'resource'): Promise<ThreatMatch | null> => {
    const found = await match(url);
    if (found)
      await deps.detections.record({
        url,
        threat: found.threat,
        list: found.list,
        at: platform.now().getTime(),
        kind,
      });
    return found;
  };

  const isAllowed = async (host: string): Promise<boolean> => {
    const allowed = [...(await deps.settings.get()).allowList, ...(await deps.allowances.hosts())];
    return allowed.some((entry) => host === entry || host.endsWith(`.${entry}`));
  };

  /** Sends the tab to the warning page when `url` is listed and the user has not allowed its site. */
  const showWarningFor = async (tabId: number, url: string): Promise<boolean> => {
    const found = await match(url);
    const host = hostOf(url);
    if (!found || host === null || (await isAllowed(host))) return false;
    await platform.navigateTab(tabId, `${warningUrl}?url=${url}`);
    return true;
  };

  /** When the list in force was installed or last confirmed current; the bundled one counts from its build. */
  const databaseUpdatedAt = async (): Promise<number> => {
    const [{ list, source }, confirmed] = await Promise.all([deps.list.get(), updateCheck.confirmedAt()]);
    const installed = source === 'bundled' ? Date.parse(list.snapshot.createdAt) : list.installedAt;
    return Math.max(installed, confirmed);
  };

  const beyondRules = async (url: string): Promise<boolean> => {
    const found = overflow?.match(url) ?? null;
    const host = hostOf(url);
    return found !== null && host !== null && !(await isAllowed(host));
  };

  /** Checks for a newer list now (or joins the check already running) and enforces what it installed. */
  const update = async () => {
    const outcome = await updateCheck.check();
    if (outcome.ok && outcome.value.updated) await enforce();
    return outcome;
  };

  const alarms: Alarm[] = [
    { name: THREAT_UPDATE_ALARM, periodInMinutes: 60, run: update },
    { name: ALLOWANCE_ALARM, run: enforce },
  ];

  return {
    alarms,
    enforce,
    match,
    /**
     * Whether `url` hits a URL entry that did not fit the browser's rule budget (and the user has not allowed
     * its site): no rule blocks it, so the background must (Firefox: blocking webRequest, before the request;
     * Chrome: when the tab's address changes, after it).
     */
    beyondRules,
    /**
     * Firefox's blocking `onBeforeRequest` for URL entries beyond the rule budget: a page goes to the warning
     * page, a resource is cancelled and counted, anything else goes on.
     */
    beforeRequest: async (
      url: string,
      type: string,
    ): Promise<{ redirectUrl: string } | { cancel: true } | Record<string, never>> => {
      if (!(await beyondRules(url))) return {};
      if (type === 'main_frame') return { redirectUrl: `${warningUrl}?url=${url}` };
      void detect(url, 'resource');
      return { cancel: true };
    },
    /** The warning page's address for a blocked `url` (the URL verbatim after "?url=", as the rules do). */
    warningPageFor: (url: string): string => `${warningUrl}?url=${url}`,
    status: async (): Promise<ProtectionStatus> => {
      const [{ list }, settings, detections, updatedAt, check] = await Promise.all([
        deps.list.get(),
        deps.settings.get(),
        deps.detections.all(),
        databaseUpdatedAt(),
        updateCheck.state(),
      ]);
      return {
        enabled: settings.protectionEnabled,
        listVersion: list.snapshot.version,
        listCreatedAt: list.snapshot.createdAt,
        installedAt: list.installedAt,
        databaseUpdatedAt: updatedAt,
        check,
        domains: list.snapshot.domains.length,
        urls: list.snapshot.urls.length,
        detections: detections.length,
      };
    },

    setEnabled: async (enabled: boolean) => {
      await deps.settings.update({ protectionEnabled: enabled });
      await enforce();
    },

    /** A main frame that a URL rule blocked shows the browser's error page; show the warning instead. */
    onBlockedNavigation: showWarningFor,

    /** The warning page reports each time it is shown: that is a detection. */
    warningShown: async (url: string): Promise<ThreatMatch | null> => {
      const found = await detect(url, 'page');
      if (!found) return null;
      const settings = await deps.settings.get();
      if (settings.notifications.siteBlocked) {
        const t = platform.translate;
        await platform.notifier
          .show(
            `blocked-${Date.now()}`,
            t('notifyBlockedTitle'),
            t('notifyBlockedMessage', [hostOf(url) ?? url]),
          )
          .catch(() => undefined);
      }
      return found;
    },

    resourceBlocked: async (url: string) => {
      await detect(url, 'resource');
    },

    /** "Proceed": this site, for a short time. */
    proceed: async (url: string): Promise<Result<string>> => {
      const host = hostOf(url);
      if (host === null) return err(appError('badUrl', 'errorBadUrl'));
      await deps.allowances.grant(host);
      await enforce();
      const next = await deps.allowances.nextExpiry();
      if (next !== null) await platform.wakeAt(ALLOWANCE_ALARM, next + 1);
      return ok(url);
    },

    /** "Always allow this site": the user's allow-list (editable in options). */
    alwaysAllow: async (url: string): Promise<Result<string>> => {
      const host = hostOf(url);
      if (host === null) return err(appError('badUrl', 'errorBadUrl'));
      const { allowList } = await deps.settings.get();
      if (!allowList.includes(host)) await deps.settings.update({ allowList: [...allowList, host] });
      await enforce();
      return ok(url);
    },

    reportFalsePositive: async (url: string): Promise<Result<null>> => {
      const { list } = await deps.list.get();
      try {
        const { path, method } = routes.reportFalsePositive;
        const response = await platform.fetchJson(`${await deps.serviceUrl()}${path}`, {
          method,
          body: { url, listVersion: list.snapshot.version },
        });
        return response.status < 300 ? ok(null) : err(appError('reportRefused', 'errorReportFailed'));
      } catch {
        return err(appError('serviceUnreachable', 'errorReportFailed'));
      }
    },

    update,

    databaseUpdatedAt,

    /** Looks at every open tab; a listed site (not allowed by the user) is replaced by the warning page. */
    checkOpenTabs: async (): Promise<{ checked: number; blocked: number }> => {
      const pages = (await platform.openTabs()).filter((tab) => /^https?:/.test(tab.url));
      let blocked = 0;
      for (const tab of pages) if (await showWarningFor(tab.id, tab.url)) blocked++;
      return { checked: pages.length, blocked };
    },
  };
}
export type ProtectionService = ReturnType<typeof createProtectionService>;
