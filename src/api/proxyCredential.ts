import { z } from 'zod';
import { reportedBytes, text } from './storable';

// The contract between the account service (which signs proxy credentials), the gateways (which verify them
// offline and meter traffic) and the extension (which presents them as Basic proxy auth and reads the refusal
// reasons and the check answer). Pure: no Node or browser globals, so all three import it.

/** A credential lives 20 minutes; the extension renews it at half-life. */
export const PROXY_CREDENTIAL_TTL_MS = 20 * 60 * 1000;

/** Proxy auth username when the device id is not at hand; the gateway reads identity from the token only. */
export const PROXY_USERNAME_FALLBACK = 'rampart';

export const proxyTiers = ['anonymous', 'free', 'unlimited'] as const;
export type ProxyTier = (typeof proxyTiers)[number];

const unixMs = z.number().int().nonnegative();

export const proxyCredentialPayloadSchema = z
  .object({
    deviceId: z.string().min(1).max(128),
    accountId: z.string().min(1).max(128).nullable(),
    tier: z.enum(proxyTiers),
    /** null = unlimited. */
    dailyLimitBytes: z.number().int().nonnegative().nullable(),
    /** This device's bytes today (UTC) as the account service knew them when it signed; gateways add their own count. */
    usedBytesAtIssue: z.number().int().nonnegative().default(0),
    /** Unix milliseconds. */
    issuedAt: unixMs,
    /** Unix milliseconds. */
    expiresAt: unixMs,
    /** Which signing key; gateways may trust several during a rotation. */
    keyId: z.string().min(1).max(64),
  })
  .refine((payload) => payload.expiresAt > payload.issuedAt, { message: 'expiresAt must follow issuedAt' });

/** What the account service passes to the signer (`usedBytesAtIssue` may be left out). */
export type ProxyCredentialInput = z.input<typeof proxyCredentialPayloadSchema>;
/** What a gateway gets back from a verified token. */
export type ProxyCredentialPayload = z.output<typeof proxyCredentialPayloadSchema>;

/** Fills the times so every signer uses the same lifetime and unit (milliseconds). */
export const newProxyCredentialPayload = (
  claims: Omit<ProxyCredentialInput, 'issuedAt' | 'expiresAt'>,
  now: number,
): ProxyCredentialInput => ({ ...claims, issuedAt: now, expiresAt: now + PROXY_CREDENTIAL_TTL_MS });

// --- What the gateway says back ---------------------------------------------------------------------------

/** The host a gateway answers itself: `http://check.rampart.internal/` through the proxy. Never resolved. */
export const GATEWAY_CHECK_HOST = 'check.rampart.internal';

/** Every refusal by a gateway carries this header so the extension can tell the user why. */
export const GATEWAY_REASON_HEADER = 'x-rampart-reason';
/** With `daily-limit`: when the day's allowance starts again (ISO 8601, midnight UTC). */
export const GATEWAY_RESET_HEADER = 'x-rampart-reset';

export const gatewayRefusalReasons = [
  'credential-missing', // 407: no Proxy-Authorization
  'credential-invalid', // 407: malformed, tampered, signed by an unknown key
  'credential-expired', // 407: renew and retry
  'daily-limit', // 429: the day's traffic is used up; see GATEWAY_RESET_HEADER
  'destination-forbidden', // 403: private, loopback or otherwise refused destination
  'destination-unreachable', // 502: the name does not resolve
] as const;
export type GatewayRefusalReason = (typeof gatewayRefusalReasons)[number];

export const gatewayCheckResponseSchema = z.object({
  /** The gateway's outbound address as the rest of the internet sees it. */
  exitAddress: z.string(),
  gateway: z.object({ id: z.string(), region: z.string(), city: z.string() }),
  device: z.object({ deviceId: z.string(), accountId: z.string().nullable(), tier: z.enum(proxyTiers) }),
  usage: z.object({
    usedBytes: z.number().int().nonnegative(),
    dailyLimitBytes: z.number().int().nonnegative().nullable(),
    limitReached: z.boolean(),
    resetsAt: z.string(),
  }),
  credentialExpiresAt: unixMs,
});
export type GatewayCheckResponse = z.infer<typeof gatewayCheckResponseSchema>;

// --- Gateway → account service usage reports --------------------------------------------------------------

/** Shared secret that authenticates a gateway to the account service. */
export const GATEWAY_SECRET_HEADER = 'x-rampart-gateway-secret';

export const gatewayUsageEntrySchema = z.object({
  deviceId: text().min(1).max(128),
  accountId: text().min(1).max(128).nullable(),
  /** UTC day the bytes were counted on, YYYY-MM-DD. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  uploadBytes: reportedBytes(),
  downloadBytes: reportedBytes(),
});
export type GatewayUsageEntry = z.infer<typeof gatewayUsageEntrySchema>;

/**
 * A gateway resends the very same batch (same `batchId`) until it gets a 2xx, so the service must apply a
 * batch id at most once and answer 2xx again for a batch it already applied.
 */
export const gatewayUsageBatchSchema = z.object({
  batchId: text().min(1).max(64),
  gatewayId: text().min(1).max(128),
  entries: z.array(gatewayUsageEntrySchema),
});
export type GatewayUsageBatch = z.infer<typeof gatewayUsageBatchSchema>;

/**
 * What the service accepts: the envelope as above, each entry checked on its own. An entry the service cannot
 * count (out of range, not a day, not one of its devices) is dropped, not the batch: a refused batch would
 * come back with every retry, for ever.
 */
export const gatewayUsageBatchRequest = gatewayUsageBatchSchema.extend({ entries: z.array(z.unknown()) });
export type GatewayUsageBatchRequest = z.infer<typeof gatewayUsageBatchRequest>;
