import { pruneAskAnswers, rememberAskAnswer, type AskAnswers, type Route } from '../../src/rules';
import { stored } from '../../src/storage';
import { readStored, updateStored, type StorageAreas } from '../storage/storedValues';

/** The user's answers to "use the VPN for this site?", kept in `storage.local` and pruned as they expire. */
export function createAskAnswerStore(areas: StorageAreas, now: () => number) {
  const live = (answers: AskAnswers | null): AskAnswers => (answers ? pruneAskAnswers(answers, now()) : {});
  return {
    get: async (): Promise<AskAnswers> => live(await readStored(areas, stored.askAnswers)),
    answer: async (host: string, route: Route, remember: boolean) => {
      await updateStored(areas, stored.askAnswers, (answers) =>
        rememberAskAnswer(live(answers), host, route, remember, now()),
      );
    },
  };
}
export type AskAnswerStore = ReturnType<typeof createAskAnswerStore>;
