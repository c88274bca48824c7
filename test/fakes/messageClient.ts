import {
  requestSchema,
  type Client,
  type Reply,
  type Request,
  type RequestOf,
  type RequestType,
  type Responses,
} from '../../src/messages';
import { appError, type AppError } from '../../src/result';
import type { ConnectionStatus } from '../../src/status';
import { subscribeToStorage, type StorageListener } from '../../src/ui/storageChanges';
import type { SubscribeToChanges } from '../../src/ui';

type Handler<T extends RequestType> = (
  request: RequestOf<T>,
) => Reply<Responses[T]> | Promise<Reply<Responses[T]>>;
type Handlers = { [T in RequestType]?: Handler<T> };
/** A stored-value change as `storage.onChanged` reports it. */
export type StorageChange = { oldValue?: unknown; newValue?: unknown };

/**
 * A fake of the background as a page sees it (after Dark Reader's `connect/mock.ts`): replies scripted per
 * message type, every message sent recorded (and checked against the message union, so a page that sends
 * something the background would refuse fails its test), and the background's push delivered through the
 * same `storage.onChanged` relay (`subscribeToStorage`) the real pages use.
 *
 * A message with no script gets the reply a silent background gives, and its type is kept in `unscripted`.
 */
export function fakeMessageClient() {
  const handlers: Handlers = {};
  const sent: Request[] = [];
  const unscripted: RequestType[] = [];
  const listeners = new Set<StorageListener>();
  const held = new Map<RequestType, Array<() => void>>();
  const heldTypes = new Set<RequestType>();
  let lastStatus: ConnectionStatus | undefined;

  const send = (async <T extends RequestType>(request: RequestOf<T>): Promise<Reply<Responses[T]>> => {
    const checked = requestSchema.parse(request) as RequestOf<T>;
    sent.push(checked);
    if (heldTypes.has(checked.type)) {
      await new Promise<void>((resolve) =>
        held.set(checked.type, [...(held.get(checked.type) ?? []), resolve]),
      );
    }
    const handler = handlers[checked.type] as Handler<T> | undefined;
    if (!handler) {
      unscripted.push(checked.type);
      return { ok: false, error: appError('backgroundUnavailable', 'errorBackgroundUnavailable') };
    }
    // A message crosses a process: the page gets a copy, never the background's own object.
    return structuredClone(await handler(checked));
  }) as Client;

  const onChanged = {
    addListener: (listener: StorageListener) => void listeners.add(listener),
    removeListener: (listener: StorageListener) => void listeners.delete(listener),
  };

  const fake = {
    send,
    /** Every message the page sent, in order. */
    sent,
    unscripted,
    /** The push as a page subscribes to it (put in `PageContextValue.subscribe`). */
    subscribe: subscribeToStorage(onChanged) as SubscribeToChanges,
    /** How many pushes are being listened to now (a page that forgets to unsubscribe leaks them). */
    listenerCount: () => listeners.size,

    /** Answers every `type` message with `value`. */
    reply<T extends RequestType>(type: T, value: Responses[T]) {
      handlers[type] = (() => ({ ok: true, value })) as Handlers[T];
      return fake;
    },
    /** Answers every `type` message with a failed reply. */
    fail<T extends RequestType>(type: T, error: AppError) {
      handlers[type] = (() => ({ ok: false, error })) as Handlers[T];
      return fake;
    },
    /** Answers `type` messages by running `handler` (to answer from the request, or change state). */
    handle<T extends RequestType>(type: T, handler: Handler<T>) {
      handlers[type] = handler as Handlers[T];
      return fake;
    },
    /** The messages of one type that were sent. */
    sentOf<T extends RequestType>(type: T): RequestOf<T>[] {
      return sent.filter((request): request is RequestOf<T> => request.type === type);
    },
    /** Keeps `type` messages unanswered until `release` (to see a page while it waits). */
    hold(type: RequestType) {
      heldTypes.add(type);
      return {
        release() {
          heldTypes.delete(type);
          const waiting = held.get(type) ?? [];
          held.delete(type);
          waiting.forEach((resolve) => resolve());
        },
      };
    },
    /** Delivers a `storage.onChanged` event, as the browser does after the background writes. */
    pushStorage(changes: Record<string, StorageChange>, area = 'local') {
      listeners.forEach((listener) => listener(changes, area));
    },
    /** The background's connection changed: `getStatus` answers `status` from now on, and the page is told. */
    pushStatus(status: ConnectionStatus) {
      const oldValue = lastStatus;
      lastStatus = structuredClone(status);
      fake.reply('getStatus', status);
      fake.pushStorage({ connection: { oldValue, newValue: lastStatus } }, 'session');
    },
  };
  return fake;
}

export type FakeMessageClient = ReturnType<typeof fakeMessageClient>;
