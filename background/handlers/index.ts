import type { Handlers } from '../router';
import type { HandlerDeps } from './deps';
import { accountHandlers } from './accountHandlers';
import { browserHandlers } from './browserHandlers';
import { protectionHandlers } from './protectionHandlers';
import { regionHandlers } from './regionHandlers';
import { settingsHandlers } from './settingsHandlers';
import { siteHandlers } from './siteHandlers';
import { startupHandlers } from './startupHandlers';
import { statusHandlers } from './statusHandlers';

export type { HandlerDeps } from './deps';

/** The background's answers to page requests, grouped by what they touch. */
export const createHandlers = (deps: HandlerDeps): Handlers => ({
  ...settingsHandlers(deps),
  ...statusHandlers(deps),
  ...siteHandlers(deps),
  ...regionHandlers(deps),
  ...protectionHandlers(deps),
  ...accountHandlers(deps),
  ...startupHandlers(deps),
  ...browserHandlers(deps),
});
