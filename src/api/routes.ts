import {
  changePasswordRequest,
  currentAccountResponse,
  passwordResetConfirm,
  passwordResetRequest,
  passwordResetRequested,
  resendVerificationRequest,
  sessionIdParams,
  sessionsResponse,
  signInRequest,
  signInResponse,
  signInTwoFactorRequest,
  signInTwoFactorResponse,
  signUpRequest,
  signUpResponse,
  twoFactorConfirmRequest,
  twoFactorConfirmResponse,
  twoFactorDisableRequest,
  twoFactorSetupResponse,
  verifyEmailRequest,
  verifyEmailResponse,
} from './accounts';
import {
  accountDevicesResponse,
  deviceIdParams,
  deviceStatusResponse,
  deviceTokens,
  linkCodeResponse,
  linkedResponse,
  linkWithCodeRequest,
  linkWithPasswordRequest,
  refreshDeviceTokenRequest,
  registerDeviceRequest,
  renameDeviceRequest,
  renameDeviceResponse,
} from './devices';
import {
  commandView,
  deviceDetailResponse,
  deviceReportRequest,
  deviceReportResponse,
  resolveDetectionsRequest,
  sendCommandRequest,
  trafficReportResponse,
} from './management';
import { overviewResponse, plansResponse } from './overview';
import { gatewayUsageBatchRequest } from './proxyCredential';
import type { ApiRoute } from './route';
import { activateRequest, subscriptionResponse } from './subscriptions';
import {
  falsePositiveRequest,
  falsePositiveResponse,
  threatsDeltaQuery,
  threatsDeltaResponse,
  threatsLatestResponse,
  threatsSnapshotResponse,
} from './threats';
import { gatewaysResponse, proxyCredentialResponse, usageReportResponse, usageTodayResponse } from './vpn';

/**
 * Every route of the account API, declared once: the service registers exactly these, and the background
 * and the portal call them by name. No `response` means the answer has no body (204).
 */
export const routes = {
  // Sign-up, email verification, sign-in and password reset (no session yet).
  signUp: { method: 'POST', path: '/api/v1/accounts', request: signUpRequest, response: signUpResponse },
  verifyEmail: {
    method: 'POST',
    path: '/api/v1/accounts/verify-email',
    request: verifyEmailRequest,
    response: verifyEmailResponse,
  },
  resendVerification: {
    method: 'POST',
    path: '/api/v1/accounts/resend-verification',
    request: resendVerificationRequest,
    response: signUpResponse,
  },
  signIn: { method: 'POST', path: '/api/v1/sessions', request: signInRequest, response: signInResponse },
  signInTwoFactor: {
    method: 'POST',
    path: '/api/v1/sessions/two-factor',
    request: signInTwoFactorRequest,
    response: signInTwoFactorResponse,
  },
  requestPasswordReset: {
    method: 'POST',
    path: '/api/v1/password-resets',
    request: passwordResetRequest,
    response: passwordResetRequested,
  },
  confirmPasswordReset: {
    method: 'POST',
    path: '/api/v1/password-resets/confirm',
    request: passwordResetConfirm,
  },

  // The signed-in account (session cookie; writes carry the CSRF header).
  currentAccount: { method: 'GET', path: '/api/v1/account', response: currentAccountResponse },
  sessions: { method: 'GET', path: '/api/v1/sessions', response: sessionsResponse },
  signOut: { method: 'DELETE', path: '/api/v1/sessions/current' },
  revokeSession: { method: 'DELETE', path: '/api/v1/sessions/:id', params: sessionIdParams },
  changePassword: { method: 'POST', path: '/api/v1/account/password', request: changePasswordRequest },
  twoFactorSetup: {
    method: 'POST',
    path: '/api/v1/account/two-factor/setup',
    response: twoFactorSetupResponse,
  },
  twoFactorConfirm: {
    method: 'POST',
    path: '/api/v1/account/two-factor/confirm',
    request: twoFactorConfirmRequest,
    response: twoFactorConfirmResponse,
  },
  twoFactorDisable: {
    method: 'POST',
    path: '/api/v1/account/two-factor/disable',
    request: twoFactorDisableRequest,
  },
  issueLinkCode: { method: 'POST', path: '/api/v1/link-codes', response: linkCodeResponse },
  accountDevices: { method: 'GET', path: '/api/v1/account/devices', response: accountDevicesResponse },
  disconnectDevice: { method: 'DELETE', path: '/api/v1/account/devices/:id', params: deviceIdParams },
  renameDevice: {
    method: 'PATCH',
    path: '/api/v1/account/devices/:id',
    params: deviceIdParams,
    request: renameDeviceRequest,
    response: renameDeviceResponse,
  },
  overview: { method: 'GET', path: '/api/v1/account/overview', response: overviewResponse },
  deviceDetail: {
    method: 'GET',
    path: '/api/v1/account/devices/:id',
    params: deviceIdParams,
    response: deviceDetailResponse,
  },
  sendCommand: {
    method: 'POST',
    path: '/api/v1/account/devices/:id/commands',
    params: deviceIdParams,
    request: sendCommandRequest,
    response: commandView,
  },
  resolveDetections: {
    method: 'POST',
    path: '/api/v1/account/devices/:id/detections/resolve',
    params: deviceIdParams,
    request: resolveDetectionsRequest,
  },
  traffic: { method: 'GET', path: '/api/v1/account/traffic', response: trafficReportResponse },
  subscription: { method: 'GET', path: '/api/v1/subscription', response: subscriptionResponse },
  activateSubscription: {
    method: 'POST',
    path: '/api/v1/subscription/activate',
    request: activateRequest,
    response: subscriptionResponse,
  },

  // What each plan gives and where to buy one (public).
  plans: { method: 'GET', path: '/api/v1/plans', response: plansResponse },

  // The extension's device (device access token, except to register and refresh).
  registerDevice: {
    method: 'POST',
    path: '/api/v1/devices',
    request: registerDeviceRequest,
    response: deviceTokens,
  },
  refreshDeviceToken: {
    method: 'POST',
    path: '/api/v1/devices/token',
    request: refreshDeviceTokenRequest,
    response: deviceTokens,
  },
  deviceStatus: { method: 'GET', path: '/api/v1/devices/me', response: deviceStatusResponse },
  linkWithPassword: {
    method: 'POST',
    path: '/api/v1/devices/me/link',
    request: linkWithPasswordRequest,
    response: linkedResponse,
  },
  linkWithCode: {
    method: 'POST',
    path: '/api/v1/devices/me/link-code',
    request: linkWithCodeRequest,
    response: linkedResponse,
  },
  unlinkDevice: { method: 'DELETE', path: '/api/v1/devices/me/link' },
  activateOnDevice: {
    method: 'POST',
    path: '/api/v1/devices/me/activate',
    request: activateRequest,
    response: subscriptionResponse,
  },
  deviceReport: {
    method: 'POST',
    path: '/api/v1/devices/me/report',
    request: deviceReportRequest,
    response: deviceReportResponse,
  },
  usageToday: { method: 'GET', path: '/api/v1/devices/me/usage', response: usageTodayResponse },
  gateways: { method: 'GET', path: '/api/v1/gateways', response: gatewaysResponse },
  vpnCredentials: { method: 'POST', path: '/api/v1/vpn/credentials', response: proxyCredentialResponse },

  // Gateways report usage (gateway secret header).
  gatewayUsage: {
    method: 'POST',
    path: '/api/v1/gateway/usage',
    request: gatewayUsageBatchRequest,
    response: usageReportResponse,
  },

  // The threat list (public) and false-positive reports (anyone, limited per address).
  threatsLatest: { method: 'GET', path: '/api/v1/threats/latest', response: threatsLatestResponse },
  threatsSnapshot: { method: 'GET', path: '/api/v1/threats/snapshot', response: threatsSnapshotResponse },
  threatsDelta: {
    method: 'GET',
    path: '/api/v1/threats/delta',
    query: threatsDeltaQuery,
    response: threatsDeltaResponse,
  },
  reportFalsePositive: {
    method: 'POST',
    path: '/api/v1/threats/false-positives',
    request: falsePositiveRequest,
    response: falsePositiveResponse,
  },
} as const satisfies Record<string, ApiRoute>;

export type RouteName = keyof typeof routes;
