import {
  GATEWAY_REASON_HEADER,
  GATEWAY_RESET_HEADER,
  gatewayCheckResponseSchema,
} from '../../src/api/proxyCredential';
import type { GatewayCheck } from '../platform';

/** What the answer to a request for the gateway's check host means for the connection. */
export async function readGatewayCheck(
  response: Pick<Response, 'status' | 'headers' | 'json'>,
): Promise<GatewayCheck> {
  const reason = response.headers.get(GATEWAY_REASON_HEADER);
  if (reason === 'daily-limit') {
    const reset = Date.parse(response.headers.get(GATEWAY_RESET_HEADER) ?? '');
    return Number.isNaN(reset)
      ? { ok: false, reason: 'limit' }
      : { ok: false, reason: 'limit', resetAt: reset };
  }
  if (response.status === 407) return { ok: false, reason: 'refused' };
  // A self-hosted proxy does not know the check host and answers with an error page: it is still up.
  const body = gatewayCheckResponseSchema.safeParse(await response.json().catch(() => null));
  if (!body.success) return { ok: true };
  if (body.data.usage.limitReached)
    return { ok: false, reason: 'limit', resetAt: Date.parse(body.data.usage.resetsAt) };
  return { ok: true, exitAddress: body.data.exitAddress };
}
