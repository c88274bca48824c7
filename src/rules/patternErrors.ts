import { appError, type AppError } from '../result';

/** Every way a typed site pattern can be wrong, with the i18n key that explains it to the user. */
export const patternErrorKeys = {
  pattern_empty: 'patternErrorEmpty',
  pattern_space: 'patternErrorSpace',
  pattern_bad_character: 'patternErrorBadCharacter',
  pattern_empty_label: 'patternErrorEmptyLabel',
  pattern_label_too_long: 'patternErrorLabelTooLong',
  pattern_too_long: 'patternErrorTooLong',
  pattern_hyphen: 'patternErrorHyphen',
  pattern_wildcard_position: 'patternErrorWildcardPosition',
  pattern_wildcard_ip: 'patternErrorWildcardIp',
  pattern_bad_ip: 'patternErrorBadIp',
  pattern_bad_port: 'patternErrorBadPort',
  pattern_invalid_host: 'patternErrorInvalidHost',
  pattern_has_port: 'patternErrorHasPort',
  pattern_has_path: 'patternErrorHasPath',
  pattern_local_name: 'patternErrorLocalName',
  pattern_local_domain: 'patternErrorLocalDomain',
  pattern_local_address: 'patternErrorLocalAddress',
} as const;

export type PatternErrorCode = keyof typeof patternErrorKeys;

export const patternError = (code: PatternErrorCode, detail?: string): AppError =>
  appError(code, patternErrorKeys[code], detail === undefined ? undefined : [detail]);
