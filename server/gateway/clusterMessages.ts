import { z } from 'zod';
import { gatewayUsageEntrySchema, proxyCredentialPayloadSchema } from '../../src/api/proxyCredential';

// What the cluster primary and its workers say to each other over IPC. Every message is parsed on arrival;
// anything else on the channel (prom-client's own metric requests) is ignored.

const tlsMaterial = z.object({ key: z.string().min(1), cert: z.string().min(1) });

export const toWorkerSchema = z.discriminatedUnion('type', [
  /** The settings only the primary holds: the certificate (shared, even a self-signed one) and ticket keys. */
  z.object({
    type: z.literal('rampart:start'),
    tls: tlsMaterial.nullable(),
    ticketKeys: z.base64(),
  }),
  /** A renewed certificate: new handshakes use it, open tunnels go on. */
  z.object({ type: z.literal('rampart:tls'), tls: tlsMaterial }),
  /** Principals at their daily limit, all workers' traffic and the service's answer counted. */
  z.object({ type: z.literal('rampart:exhausted'), principals: z.array(z.string()) }),
]);
export type ToWorker = z.infer<typeof toWorkerSchema>;

export const usageChargeSchema = gatewayUsageEntrySchema.extend({ at: z.number() });
export type UsageCharge = z.infer<typeof usageChargeSchema>;

export const toPrimarySchema = z.discriminatedUnion('type', [
  /** The worker listens for messages: it may be sent `rampart:start`. */
  z.object({ type: z.literal('rampart:ready') }),
  z.object({ type: z.literal('rampart:listening'), port: z.number().int() }),
  /** What a worker metered since its last message, and the credentials it saw that were new to it. */
  z.object({
    type: z.literal('rampart:usage'),
    credentials: z.array(proxyCredentialPayloadSchema),
    charges: z.array(usageChargeSchema),
  }),
]);
export type ToPrimary = z.infer<typeof toPrimarySchema>;
