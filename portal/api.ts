// The portal's client of the account API. Every answer is parsed with its src/api contract; writes carry the
// session's CSRF token; error answers become ApiFailure with the server's own message.
import { z } from 'zod';
import {
  apiErrorBody,
  fillPath,
  passwordRuleCodes,
  routes,
  type ApiErrorCode,
  type ApiRoute,
  type DeviceCommand,
  type RouteResponse,
} from '../src/api';
import { fieldMessages, type FieldAliases, type IssueLike } from '../src/fieldMessages';
import { activeLanguage, t, translate } from './i18n';
import { passwordRuleText } from './passwordRuleText';

const CSRF_HEADER = 'x-rampart-csrf';

/**
 * A failed call, ready to show: the server's message, for a refused password each rule it broke, and for
 * invalid input one sentence per field.
 */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode | 'network' | 'unexpected',
    message: string,
    readonly rules: string[] = [],
    readonly fields: string[] = [],
    /** The request fields those sentences are about, so the form can mark them. */
    readonly invalidFields: string[] = [],
  ) {
    super(message);
  }

  /** Whether the failure named `field` (a request field such as `email`). */
  names(field: string): boolean {
    return this.invalidFields.includes(field);
  }
}

/** Validation issues (the page's own check, or the API's `details.issues`) as sentences people can read. */
export function fieldFailure(
  issues: readonly IssueLike[],
  input: unknown,
  aliases?: FieldAliases,
): ApiFailure {
  const messages = fieldMessages(issues, input, aliases);
  const sentences = messages.map((m) => translate(m.messageKey, m.substitutions));
  return new ApiFailure(
    'invalidRequest',
    sentences.join(' '),
    [],
    sentences,
    messages.map((m) => m.field),
  );
}

const ruleList = z.array(z.enum(passwordRuleCodes));
const issueList = z.array(z.object({ path: z.string(), code: z.string().optional() })).min(1);

function failureFrom(body: unknown, input: unknown, aliases?: FieldAliases): ApiFailure {
  const parsed = apiErrorBody.safeParse(body);
  if (!parsed.success) return new ApiFailure('unexpected', t('portal_errors_unexpected'));
  const { code, message, details } = parsed.data.error;
  if (code === 'invalidRequest') {
    const issues = issueList.safeParse(details?.issues);
    if (issues.success) return fieldFailure(issues.data, input, aliases);
  }
  // The extension says these in the same words; the service's own message is for programs and logs.
  if (code === 'invalidActivationCode')
    return new ApiFailure(code, translate('apiError_invalidActivationCode'));
  if (code === 'weakPassword') {
    const rules = ruleList.safeParse(details?.rules);
    if (rules.success)
      return new ApiFailure(code, t('portal_errors_weakPassword'), rules.data.map(passwordRuleText));
  }
  // The service words its answers in English, often more precisely than the catalogue's sentence for the code;
  // a reader of another language gets that sentence (the extension shows the same one).
  return new ApiFailure(code, activeLanguage() === 'en' ? message : translate(`apiError_${code}`, [message]));
}

// The token arrives with sign-in and with GET /account; it is kept only in memory, like the page itself.
let csrfToken: string | undefined;

// A session can end while a page is open (expired, revoked from another browser): the app then signs in again.
const sessionLostListeners = new Set<() => void>();
export const onSessionLost = (listener: () => void): (() => void) => {
  sessionLostListeners.add(listener);
  return () => void sessionLostListeners.delete(listener);
};

/** How one call is made: the route's `:name` values, the body, and the form field each body field is. */
interface CallOptions {
  params?: Record<string, string>;
  body?: unknown;
  aliases?: FieldAliases;
}

async function call(route: ApiRoute, { params, body, aliases }: CallOptions = {}): Promise<unknown> {
  const { method } = route;
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== undefined) headers[CSRF_HEADER] = csrfToken;
  let response: Response;
  try {
    response = await fetch(fillPath(route.path, params), {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiFailure('network', t('portal_errors_network'));
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiFailure('unexpected', t('portal_errors_unexpected'));
  }
  if (!response.ok) {
    const failure = failureFrom(json, body, aliases);
    if (failure.code === 'unauthenticated') sessionLostListeners.forEach((listener) => listener());
    throw failure;
  }
  return json;
}

/** Calls a route that answers with a body, read with the route's response schema. */
async function read<R extends ApiRoute & { response: z.ZodType }>(
  route: R,
  options?: CallOptions,
): Promise<RouteResponse<R>> {
  const parsed = route.response.safeParse(await call(route, options));
  if (!parsed.success) throw new ApiFailure('unexpected', t('portal_errors_unexpected'));
  return parsed.data as RouteResponse<R>;
}

const remember = <T extends { csrfToken: string }>(answer: T): T => {
  csrfToken = answer.csrfToken;
  return answer;
};

export const api = {
  signUp: (email: string, password: string) => read(routes.signUp, { body: { email, password } }),
  verifyEmail: (token: string) => read(routes.verifyEmail, { body: { token } }),
  resendVerification: (email: string) => read(routes.resendVerification, { body: { email } }),

  signIn: async (email: string, password: string, rememberMe: boolean) => {
    const answer = await read(routes.signIn, { body: { email, password, rememberMe } });
    return answer.status === 'signedIn' ? remember(answer) : answer;
  },
  signInSecondStep: async (pendingToken: string, factor: { code: string } | { recoveryCode: string }) =>
    remember(
      await read(routes.signInTwoFactor, {
        body: { pendingToken, ...factor },
        aliases: { code: 'totpCode' },
      }),
    ),
  /** The signed-in account, or null when there is no valid session. */
  currentAccount: async () => {
    try {
      return remember(await read(routes.currentAccount)).account;
    } catch (error) {
      if (error instanceof ApiFailure && error.code === 'unauthenticated') return null;
      throw error;
    }
  },
  signOut: async () => {
    await call(routes.signOut);
    csrfToken = undefined;
  },

  requestPasswordReset: (email: string) => read(routes.requestPasswordReset, { body: { email } }),
  confirmPasswordReset: async (token: string, password: string) => {
    await call(routes.confirmPasswordReset, {
      body: { token, password },
      aliases: { password: 'newPassword' },
    });
  },

  sessions: async () => (await read(routes.sessions)).sessions,
  revokeSession: async (id: string) => {
    await call(routes.revokeSession, { params: { id } });
  },
  changePassword: async (currentPassword: string, newPassword: string) => {
    await call(routes.changePassword, { body: { currentPassword, newPassword } });
  },
  twoFactorSetup: () => read(routes.twoFactorSetup),
  twoFactorConfirm: async (code: string) =>
    (await read(routes.twoFactorConfirm, { body: { code }, aliases: { code: 'totpCode' } })).recoveryCodes,
  twoFactorDisable: async (password: string, code: string) => {
    await call(routes.twoFactorDisable, { body: { password, code }, aliases: { code: 'totpCode' } });
  },

  overview: () => read(routes.overview),
  plans: () => read(routes.plans),
  devices: async () => (await read(routes.accountDevices)).devices,
  renameDevice: async (id: string, name: string) =>
    (await read(routes.renameDevice, { params: { id }, body: { name }, aliases: { name: 'deviceName' } }))
      .device,
  disconnectDevice: async (id: string) => {
    await call(routes.disconnectDevice, { params: { id } });
  },
  linkCode: () => read(routes.issueLinkCode),

  device: (id: string) => read(routes.deviceDetail, { params: { id } }),
  /** Queued for the device, which runs it the next time it checks in (Planned until then). */
  sendCommand: (id: string, command: DeviceCommand) =>
    read(routes.sendCommand, { params: { id }, body: { command } }),
  /** Up to ten listed detections by key, or every detection (a grouped list is resolved only as a whole). */
  resolveDetections: async (id: string, which: { keys: string[] } | { all: true }) => {
    await call(routes.resolveDetections, { params: { id }, body: which });
  },
  traffic: () => read(routes.traffic),

  subscription: async () => (await read(routes.subscription)).subscription,
  activate: async (code: string) =>
    (await read(routes.activateSubscription, { body: { code }, aliases: { code: 'activationCode' } }))
      .subscription,
};

/** Anything thrown by a call, as something a page can show. */
export const toFailure = (error: unknown): ApiFailure =>
  error instanceof ApiFailure ? error : new ApiFailure('unexpected', t('portal_errors_unexpected'));
