// The portal's client of the account API. Every answer is parsed with its src/api contract; writes carry the
// session's CSRF token; error answers become ApiFailure with the server's own message.
import { z } from 'zod';
import {
  accountDevicesResponse,
  apiErrorBody,
  commandView,
  currentAccountResponse,
  deviceDetailResponse,
  linkCodeResponse,
  passwordResetRequested,
  passwordRuleCodes,
  passwordRuleMessages,
  sessionsResponse,
  signInResponse,
  signInTwoFactorResponse,
  signUpResponse,
  subscriptionResponse,
  trafficReportResponse,
  twoFactorConfirmResponse,
  twoFactorSetupResponse,
  verifyEmailResponse,
  type ApiErrorCode,
  type DeviceCommand,
} from '../src/api';
import { fieldMessages, type FieldAliases, type IssueLike } from '../src/fieldMessages';
import { translate } from './messages';
import { strings } from './strings';

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
  if (!parsed.success) return new ApiFailure('unexpected', strings.errors.unexpected);
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
      return new ApiFailure(
        code,
        strings.errors.weakPassword,
        rules.data.map((r) => passwordRuleMessages[r]),
      );
  }
  return new ApiFailure(code, message);
}

// The token arrives with sign-in and with GET /account; it is kept only in memory, like the page itself.
let csrfToken: string | undefined;

// A session can end while a page is open (expired, revoked from another browser): the app then signs in again.
const sessionLostListeners = new Set<() => void>();
export const onSessionLost = (listener: () => void): (() => void) => {
  sessionLostListeners.add(listener);
  return () => void sessionLostListeners.delete(listener);
};

async function call(method: string, path: string, body?: unknown, aliases?: FieldAliases): Promise<unknown> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== undefined) headers[CSRF_HEADER] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiFailure('network', strings.errors.network);
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiFailure('unexpected', strings.errors.unexpected);
  }
  if (!response.ok) {
    const failure = failureFrom(json, body, aliases);
    if (failure.code === 'unauthenticated') sessionLostListeners.forEach((listener) => listener());
    throw failure;
  }
  return json;
}

async function read<S extends z.ZodType>(
  schema: S,
  method: string,
  path: string,
  body?: unknown,
  aliases?: FieldAliases,
): Promise<z.output<S>> {
  const parsed = schema.safeParse(await call(method, path, body, aliases));
  if (!parsed.success) throw new ApiFailure('unexpected', strings.errors.unexpected);
  return parsed.data;
}

const devicePath = (id: string) => `/account/devices/${encodeURIComponent(id)}`;

const remember = <T extends { csrfToken: string }>(answer: T): T => {
  csrfToken = answer.csrfToken;
  return answer;
};

export const api = {
  signUp: (email: string, password: string) => read(signUpResponse, 'POST', '/accounts', { email, password }),
  verifyEmail: (token: string) => read(verifyEmailResponse, 'POST', '/accounts/verify-email', { token }),
  resendVerification: (email: string) =>
    read(signUpResponse, 'POST', '/accounts/resend-verification', { email }),

  signIn: async (email: string, password: string, rememberMe: boolean) => {
    const answer = await read(signInResponse, 'POST', '/sessions', { email, password, rememberMe });
    return answer.status === 'signedIn' ? remember(answer) : answer;
  },
  signInSecondStep: async (pendingToken: string, factor: { code: string } | { recoveryCode: string }) =>
    remember(
      await read(
        signInTwoFactorResponse,
        'POST',
        '/sessions/two-factor',
        { pendingToken, ...factor },
        { code: 'totpCode' },
      ),
    ),
  /** The signed-in account, or null when there is no valid session. */
  currentAccount: async () => {
    try {
      return remember(await read(currentAccountResponse, 'GET', '/account')).account;
    } catch (error) {
      if (error instanceof ApiFailure && error.code === 'unauthenticated') return null;
      throw error;
    }
  },
  signOut: async () => {
    await call('DELETE', '/sessions/current');
    csrfToken = undefined;
  },

  requestPasswordReset: (email: string) =>
    read(passwordResetRequested, 'POST', '/password-resets', { email }),
  confirmPasswordReset: async (token: string, password: string) => {
    await call('POST', '/password-resets/confirm', { token, password }, { password: 'newPassword' });
  },

  sessions: async () => (await read(sessionsResponse, 'GET', '/sessions')).sessions,
  revokeSession: async (id: string) => {
    await call('DELETE', `/sessions/${encodeURIComponent(id)}`);
  },
  changePassword: async (currentPassword: string, newPassword: string) => {
    await call('POST', '/account/password', { currentPassword, newPassword });
  },
  twoFactorSetup: () => read(twoFactorSetupResponse, 'POST', '/account/two-factor/setup'),
  twoFactorConfirm: async (code: string) =>
    (
      await read(
        twoFactorConfirmResponse,
        'POST',
        '/account/two-factor/confirm',
        { code },
        { code: 'totpCode' },
      )
    ).recoveryCodes,
  twoFactorDisable: async (password: string, code: string) => {
    await call('POST', '/account/two-factor/disable', { password, code }, { code: 'totpCode' });
  },

  devices: async () => (await read(accountDevicesResponse, 'GET', '/account/devices')).devices,
  disconnectDevice: async (id: string) => {
    await call('DELETE', devicePath(id));
  },
  linkCode: () => read(linkCodeResponse, 'POST', '/link-codes'),

  device: (id: string) => read(deviceDetailResponse, 'GET', devicePath(id)),
  /** Queued for the device, which runs it the next time it checks in (Planned until then). */
  sendCommand: (id: string, command: DeviceCommand) =>
    read(commandView, 'POST', `${devicePath(id)}/commands`, { command }),
  /** Up to ten listed detections by key, or every detection (a grouped list is resolved only as a whole). */
  resolveDetections: async (id: string, which: { keys: string[] } | { all: true }) => {
    await call('POST', `${devicePath(id)}/detections/resolve`, which);
  },
  traffic: () => read(trafficReportResponse, 'GET', '/account/traffic'),

  subscription: async () => (await read(subscriptionResponse, 'GET', '/subscription')).subscription,
  activate: async (code: string) =>
    (await read(subscriptionResponse, 'POST', '/subscription/activate', { code }, { code: 'activationCode' }))
      .subscription,
};

/** Anything thrown by a call, as something a page can show. */
export const toFailure = (error: unknown): ApiFailure =>
  error instanceof ApiFailure ? error : new ApiFailure('unexpected', strings.errors.unexpected);
