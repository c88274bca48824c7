import { createHmac } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

// A closed Chromium profile's `Default/Preferences`, read and re-signed the way Chromium 156 checks it. Every
// entry of `extensions.settings` carries a MAC in `protection.macs`: HMAC-SHA256 with an empty seed (an
// unbranded Linux build) of the pref's path and its value as Chromium's JSON writer prints it, with empty
// dictionaries and lists left out and the keys in byte order.

const extensionEntry = z.looseObject({
  location: z.number(),
  creation_flags: z.number().optional(),
  path: z.string().optional(),
  preferences: z.looseObject({}).optional(),
});
export type ExtensionEntry = z.infer<typeof extensionEntry>;

const preferencesFile = z.looseObject({
  extensions: z.looseObject({ settings: z.record(z.string(), extensionEntry) }),
  protection: z.looseObject({
    macs: z.looseObject({
      extensions: z.looseObject({
        settings: z.record(z.string(), z.string()),
        settings_encrypted_hash: z.record(z.string(), z.string()).optional(),
      }),
    }),
  }),
});
type PreferencesFile = z.infer<typeof preferencesFile>;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isEmpty = (value: Json) =>
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);

/** Chromium's JSONWriter output for a pref value as `PrefHashCalculator` feeds it to the MAC. */
function canonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value)
      .filter((key) => !isEmpty(value[key]!))
      .sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1));
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key]!)}`).join(',')}}`;
  }
  return JSON.stringify(value)
    .replaceAll('<', '\\u003C')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

const macOf = (path: string, value: Json) =>
  createHmac('sha256', '')
    .update(`${path}${canonical(value)}`)
    .digest('hex')
    .toUpperCase();

const fileOf = (userDataDir: string) => join(userDataDir, 'Default', 'Preferences');

export async function readPreferences(userDataDir: string): Promise<PreferencesFile> {
  return preferencesFile.parse(JSON.parse(await readFile(fileOf(userDataDir), 'utf8')));
}

/**
 * Changes one extension's entry in a closed profile and signs it again. Throws when this code cannot
 * reproduce the MAC Chromium wrote for the entry as it is (then a changed entry would not be trusted either).
 */
export async function updateExtensionEntry(
  userDataDir: string,
  extensionId: string,
  change: (entry: ExtensionEntry) => ExtensionEntry,
): Promise<void> {
  const raw = JSON.parse(await readFile(fileOf(userDataDir), 'utf8')) as PreferencesFile;
  const prefs = preferencesFile.parse(raw);
  const path = `extensions.settings.${extensionId}`;
  const entry = raw.extensions.settings[extensionId];
  if (!entry) throw new Error(`No ${path} in the profile`);
  const macs = raw.protection.macs.extensions;
  if (macOf(path, entry as Json) !== macs.settings[extensionId])
    throw new Error(`Cannot reproduce Chromium's MAC of ${path}`);
  const changed = change(structuredClone(prefs.extensions.settings[extensionId]!));
  raw.extensions.settings[extensionId] = changed;
  macs.settings[extensionId] = macOf(path, changed as Json);
  // The OS-encrypted copy of the hash cannot be made here; without it Chromium checks the MAC above.
  delete macs.settings_encrypted_hash?.[extensionId];
  await writeFile(fileOf(userDataDir), JSON.stringify(raw));
}
