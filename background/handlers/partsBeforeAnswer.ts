import type { RequestType } from '../../src/messages/contract';
import { START_PARTS, type StartPart } from '../startup';

/**
 * The start parts a page's request waits for, after the worker (re)started, before it is answered. Most wait
 * for every part, so what they show includes a part that failed. The popup's first draw (its speed budget,
 * issue 16) needs only the connection as routing re-applied it and the settings: it does not wait for the
 * threat rules to be installed, which takes the longest. A part that failed is still named in the popup:
 * `getStartProblems` waits for every part.
 */
const ANSWERED_AFTER: Partial<Record<RequestType, readonly StartPart[]>> = {
  getStatus: ['routing'],
  getSettings: [],
};

export function partsBeforeAnswer(message: unknown): readonly StartPart[] {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : null;
  return (
    (typeof type === 'string' && Object.hasOwn(ANSWERED_AFTER, type)
      ? ANSWERED_AFTER[type as RequestType]
      : undefined) ?? START_PARTS
  );
}
