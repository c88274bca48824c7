import { z } from 'zod';
import { settingsFileMessage } from '../fieldMessages';
import { appError, err, ok, type AppError, type Result } from '../result';
import { migrate, storedVersion } from './migrations';
import { settingsSchema, SETTINGS_VERSION, type Settings } from './schema';

const FILE_KIND = 'rampart-settings';
export const MAX_IMPORT_BYTES = 20_000_000;

const envelopeSchema = z.object({
  kind: z.literal(FILE_KIND),
  exportedAt: z.string().optional(),
  settings: z.record(z.string(), z.unknown()),
});

/** The JSON text of a settings file, ready to save. */
export function exportSettings(settings: Settings, now: Date): string {
  return JSON.stringify({ kind: FILE_KIND, exportedAt: now.toISOString(), settings }, null, 2);
}

/**
 * Parses a settings file strictly: unlike storage reads, nothing is repaired, because a file the user
 * chose should either apply whole or change nothing, with the reason shown.
 */
export function importSettings(text: string): Result<Settings, AppError> {
  if (text.length > MAX_IMPORT_BYTES) return err(appError('importTooLarge', 'importErrorTooLarge'));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err(appError('importNotJson', 'importErrorNotJson'));
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return err(appError('importNotSettings', 'importErrorNotSettings'));
  const stored = envelope.data.settings;
  const version = stored['version'];
  // Storage reads an odd version as the first one; a file with one is not ours to guess about.
  if (version !== undefined && storedVersion(stored) !== version) {
    const shown = typeof version === 'string' ? version : JSON.stringify(version);
    return err(appError('importBadVersion', 'importErrorBadVersion', [shown.slice(0, 40)]));
  }
  if (storedVersion(stored) > SETTINGS_VERSION) return err(appError('importTooNew', 'importErrorTooNew'));
  const parsed = settingsSchema.safeParse(migrate(stored, SETTINGS_VERSION));
  if (!parsed.success) {
    return err(appError('importInvalid', settingsFileMessage(parsed.error.issues).messageKey));
  }
  return ok(parsed.data);
}
