import { ok } from '../../src/result';
import type { Handlers } from '../router';
import type { HandlerDeps } from './deps';

/** Which parts of the background did not start, and "try again". */
export function startupHandlers({ startup }: HandlerDeps): Pick<Handlers, 'getStartProblems' | 'retryStart'> {
  return {
    getStartProblems: async () => ok(startup.failures()),
    retryStart: async () => {
      await startup.retry();
      return ok(startup.failures());
    },
  };
}
