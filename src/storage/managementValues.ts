import { z } from 'zod';
import { commandResult } from '../api/management';
import { storedValue } from './define';

export const managementValues = {
  /** Results of remote commands waiting to reach the service, so a stopped worker loses none. */
  commandResults: storedValue({
    area: 'local',
    key: 'commandResults',
    version: 1,
    schema: z.array(commandResult),
  }),
  /** Ids of commands already run, so one handed out again (its result lost on the way) is not run twice. */
  commandsRan: storedValue({ area: 'local', key: 'commandsRan', version: 1, schema: z.array(z.string()) }),
};
