/**
 * Every form field a person can get wrong, and the message key for each way it can be wrong. Keys live in
 * `extension/_locales/<lang>/messages.json`, which the portal reads too; a missing kind falls back to
 * `invalid`, so each field needs at least that.
 */
export const fieldKinds = ['missing', 'invalid', 'tooLong'] as const;
export type FieldKind = (typeof fieldKinds)[number];

export const fieldCatalogue = {
  email: { missing: 'fieldError_email_missing', invalid: 'fieldError_email_invalid' },
  password: { missing: 'fieldError_password_missing', invalid: 'fieldError_password_tooLong' },
  newPassword: { missing: 'fieldError_newPassword_missing', invalid: 'fieldError_password_tooLong' },
  currentPassword: {
    missing: 'fieldError_currentPassword_missing',
    invalid: 'fieldError_password_tooLong',
  },
  totpCode: { missing: 'fieldError_totpCode_missing', invalid: 'fieldError_totpCode_invalid' },
  recoveryCode: { missing: 'fieldError_recoveryCode_missing', invalid: 'fieldError_recoveryCode_invalid' },
  // The same words as the service's answer for an unknown code: to the person both mean "this code is wrong".
  activationCode: { missing: 'fieldError_activationCode_missing', invalid: 'apiError_invalidActivationCode' },
  deviceName: {
    missing: 'fieldError_deviceName_missing',
    invalid: 'fieldError_deviceName_invalid',
    tooLong: 'fieldError_deviceName_tooLong',
  },
  gatewayHost: {
    missing: 'fieldError_gatewayHost_missing',
    invalid: 'fieldError_gatewayHost_invalid',
    tooLong: 'fieldError_gatewayHost_tooLong',
  },
  gatewayPort: { invalid: 'fieldError_gatewayPort_invalid' },
  gatewayUsername: { invalid: 'fieldError_gatewayUsername_tooLong' },
  gatewayPassword: { invalid: 'fieldError_gatewayPassword_tooLong' },
} as const satisfies Record<string, Partial<Record<FieldKind, string>> & { invalid: string }>;
export type FieldName = keyof typeof fieldCatalogue;

/** Any other field: named by its path, so at least the person knows where to look. */
export const UNKNOWN_FIELD_KEY = 'fieldError_unknown';
/** A failure of the form as a whole (no field named). */
export const FORM_KEY = 'fieldError_form';

/** Top-level values of a settings file, each with its own sentence (`importErrorField_<name>`). */
export const settingsFileFields = [
  'vpnEnabled',
  'region',
  'autoConnect',
  'killSwitch',
  'siteRules',
  'categoryActions',
  'protectionEnabled',
  'allowList',
  'notifications',
  'language',
  'selfHostedGateway',
  'serviceUrl',
] as const;
export const SETTINGS_FILE_UNKNOWN_KEY = 'importErrorField_other';

/** Every key this module can answer with, for the test that each exists in every language. */
export const allFieldMessageKeys = (): string[] => [
  ...new Set([
    ...Object.values(fieldCatalogue).flatMap((kinds) => Object.values(kinds) as string[]),
    UNKNOWN_FIELD_KEY,
    FORM_KEY,
    ...settingsFileFields.map((field) => `importErrorField_${field}`),
    SETTINGS_FILE_UNKNOWN_KEY,
  ]),
];
