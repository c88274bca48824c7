import { z } from 'zod';
import { languages } from '../settings/schema';
import { PUBLISHED_STATUS_KEY } from './publishedStatus';
import { connectionRecordSchema, connectionStatusSchema } from '../status/states';
import { storedValue } from './define';
import { watchedKeys } from './watchedKeys';

export const vpnValues = {
  /** The connection state: it survives a worker restart, not a browser restart or an extension update. */
  connection: storedValue({
    area: 'session',
    key: watchedKeys.connection,
    version: 1,
    schema: connectionRecordSchema,
  }),
  /**
   * The status the toolbar button was last drawn from, with the language setting and the popup's first frame
   * drawn from it: the popup shows that before the worker answers (./publishedStatus.ts). Written by the
   * background only, after every redraw.
   */
  publishedStatus: storedValue({
    area: 'session',
    key: PUBLISHED_STATUS_KEY,
    version: 1,
    schema: z.object({
      status: connectionStatusSchema,
      language: z.enum(languages),
      frame: z
        .object({ html: z.string(), lang: z.string(), dir: z.enum(['ltr', 'rtl']), title: z.string() })
        .optional(),
    }),
  }),
  /** The user's answers to "use the VPN for this site?", by site, with when each runs out (null: never). */
  askAnswers: storedValue({
    area: 'local',
    key: 'askAnswers',
    version: 1,
    schema: z.record(
      z.string(),
      z.object({ route: z.enum(['vpn', 'direct']), expiresAt: z.number().nullable() }),
    ),
  }),
  /** The reset time of the daily limit the user was last told about (one notification per limit). */
  limitNotified: storedValue({ area: 'local', key: 'limitNotified', version: 1, schema: z.number() }),
  /** Sites already announced this browser session ("VPN turned on for …", the "ask" prompt). */
  notifiedSites: storedValue({
    area: 'session',
    key: 'notifiedSites',
    version: 1,
    schema: z.array(z.string()),
  }),
  /**
   * The routing last applied to the browser: a hash of everything it was compiled from, and the length of the
   * PAC script then set (null: the browser's own settings). A woken worker with the same inputs skips the work.
   */
  appliedRouting: storedValue({
    area: 'session',
    key: 'appliedRouting',
    version: 1,
    schema: z.object({ key: z.string(), pacLength: z.number().nullable() }),
  }),
  /** Gateways whose check failed, each with the time until which routing passes it over. */
  unreachableGateways: storedValue({
    area: 'session',
    key: 'unreachableGateways',
    version: 1,
    schema: z.record(z.string(), z.number()),
  }),
};
