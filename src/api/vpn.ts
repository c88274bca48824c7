import { z } from 'zod';
import { isoDate, uuid } from './common';
import { proxyCredentialPayloadSchema } from './proxyCredential';

export const gatewayView = z.object({
  id: uuid,
  region: z.string(),
  city: z.string(),
  host: z.string(),
  port: z.number().int(),
  /** 0 (idle) … 1 (full), reported by the gateway. */
  load: z.number(),
});
export const gatewaysResponse = z.object({ gateways: z.array(gatewayView) });

/**
 * A proxy credential for the device. Present it as Basic proxy auth: username = `username` (the device id),
 * password = `credential`. The payload (signed inside the token) is in `src/api/proxyCredential`.
 */
export const proxyCredentialResponse = z.object({
  credential: z.string(),
  username: z.string(),
  expiresAt: isoDate,
  payload: proxyCredentialPayloadSchema,
});

/** Acknowledges a gateway's usage batch (see `gatewayUsageBatchSchema`); a repeated batch id is counted once. */
export const usageReportResponse = z.object({
  accepted: z.number().int(),
  duplicate: z.boolean(),
  /** Devices now at or over their daily limit. */
  overLimit: z.array(z.string()),
});

export const usageTodayResponse = z.object({
  day: z.string(),
  usedBytes: z.number().int(),
  limitBytes: z.number().int().nullable(),
  resetsAt: isoDate,
});
