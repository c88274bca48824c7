import { appError, type AppError } from '../result';
import type { Reply } from './reply';
import type { Request, RequestOf, RequestType, Responses } from './contract';

export type RawSend = (message: Request) => Promise<unknown>;
export type Sleep = (ms: number) => Promise<void>;

/** The error Chrome throws while the service worker is starting and has no listener yet. */
const isWakingUp = (error: unknown) =>
  error instanceof Error &&
  /Receiving end does not exist|Could not establish connection|message port closed/i.test(error.message);

export interface ClientOptions {
  attempts?: number;
  delayMs?: number;
  sleep?: Sleep;
}

/**
 * A typed client for the background. It retries while the service worker wakes up, and turns every
 * failure into an `{ ok: false }` reply so that pages never see a thrown error.
 */
export function createClient(rawSend: RawSend, options: ClientOptions = {}) {
  const attempts = options.attempts ?? 8;
  const delayMs = options.delayMs ?? 100;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  return async function send<T extends RequestType>(request: RequestOf<T>): Promise<Reply<Responses[T]>> {
    let lastError: unknown;
    for (let attempt = 0; attempt < attempts; attempt++) {
      try {
        const reply = await rawSend(request);
        if (isReply(reply)) return reply as Reply<Responses[T]>;
        return { ok: false, error: appError('noReply', 'errorBackgroundUnavailable') };
      } catch (error) {
        lastError = error;
        if (!isWakingUp(error)) break;
        await sleep(delayMs * 2 ** Math.min(attempt, 4));
      }
    }
    const detail: AppError = appError('backgroundUnavailable', 'errorBackgroundUnavailable', [
      String(lastError),
    ]);
    return { ok: false, error: detail };
  };
}

function isReply(value: unknown): value is Reply<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export type Client = ReturnType<typeof createClient>;
