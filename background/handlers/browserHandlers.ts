import { ok } from '../../src/result';
import type { Handlers } from '../router';
import type { HandlerDeps } from './deps';

type BrowserHandlers = Pick<Handlers, 'getBrowserAccess'>;

/** What the browser lets the extension do, so the pages can say what cannot work (and why). */
export function browserHandlers(deps: HandlerDeps): BrowserHandlers {
  return {
    getBrowserAccess: async () => ok({ browser: deps.platform.browser, ...(await deps.platform.access()) }),
  };
}
