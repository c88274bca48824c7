import { z } from 'zod';
import { pruneAskAnswers, rememberAskAnswer, type AskAnswers, type Route } from '../../src/rules';
import type { KeyValueArea } from '../platform';

const KEY = 'askAnswers';
const storedSchema = z.record(
  z.string(),
  z.object({ route: z.enum(['vpn', 'direct']), expiresAt: z.number().nullable() }),
);

/** The user's answers to "use the VPN for this site?", kept in `storage.local` and pruned as they expire. */
export function createAskAnswerStore(area: KeyValueArea, now: () => number) {
  const get = async (): Promise<AskAnswers> => {
    const parsed = storedSchema.safeParse(await area.get(KEY));
    return parsed.success ? pruneAskAnswers(parsed.data, now()) : {};
  };
  return {
    get,
    answer: async (host: string, route: Route, remember: boolean) => {
      await area.set(KEY, rememberAskAnswer(await get(), host, route, remember, now()));
    },
  };
}
export type AskAnswerStore = ReturnType<typeof createAskAnswerStore>;
