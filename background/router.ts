import { requestSchema, type Reply, type RequestOf, type RequestType, type Responses } from '../src/messages';
import { appError, err } from '../src/result';
import type { SenderInfo } from './platform';

export type Handlers = { [K in RequestType]: (request: RequestOf<K>) => Promise<Reply<Responses[K]>> };

/** Only the extension's own pages may talk to the background through runtime messages. */
export function isOwnPage(sender: SenderInfo, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  const url = sender.url ?? sender.origin;
  return url !== undefined && url.startsWith(extensionOrigin);
}

/** Parses every incoming message and dispatches it; anything malformed gets a typed error reply. */
export function createRouter(handlers: Handlers, extensionId: string, extensionOrigin: string) {
  return async (message: unknown, sender: SenderInfo): Promise<Reply<unknown>> => {
    if (!isOwnPage(sender, extensionId, extensionOrigin)) return err(appError('forbidden', 'errorForbidden'));
    const parsed = requestSchema.safeParse(message);
    if (!parsed.success) return err(appError('badRequest', 'errorBadRequest'));
    const request = parsed.data;
    const handler = handlers[request.type] as (request: RequestOf<RequestType>) => Promise<Reply<unknown>>;
    try {
      return await handler(request);
    } catch (error) {
      return err(
        appError('internal', 'errorInternal', [error instanceof Error ? error.message : String(error)]),
      );
    }
  };
}
