/** The name the recovery codes are saved under. */
export const RECOVERY_CODES_FILE_NAME = 'rampart-recovery-codes.txt';

/** The words around the codes, in the page's language. */
export interface RecoveryCodesFileText {
  title: string;
  /** "Account: person@example.com" */
  account: string;
  /** "Created: 30 Nov 2026, 18:05" */
  created: string;
  /** What the codes are for and that each works once. */
  note: string;
}

/**
 * The text file people keep their recovery codes in: a heading that says whose codes they are and when they
 * were made, how to use them, then one numbered code per line. Plain lines ending in CRLF, so every
 * editor (Notepad included) shows them one under the other.
 */
export function recoveryCodesText(codes: readonly string[], text: RecoveryCodesFileText): string {
  const width = String(codes.length).length;
  const lines = [
    text.title,
    text.account,
    text.created,
    '',
    text.note,
    '',
    ...codes.map((code, i) => `${String(i + 1).padStart(width, ' ')}. ${code}`),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
