import {
  fieldCatalogue,
  FORM_KEY,
  settingsFileFields,
  SETTINGS_FILE_UNKNOWN_KEY,
  UNKNOWN_FIELD_KEY,
  type FieldKind,
  type FieldName,
} from './catalogue';

/**
 * A validation failure as zod reports it (`issue.path` is an array), or as the account API returns it in
 * `details.issues` (a dotted string). Only the path and the zod code are read, never zod's English message.
 */
export interface IssueLike {
  path: readonly PropertyKey[] | string;
  code?: string | undefined;
  /** A union's failure (zod's `invalid_union`): each branch's own issues, relative to `path`. */
  errors?: readonly (readonly IssueLike[])[] | undefined;
}

/** One sentence for one field, as a message key and its substitutions: each page renders it in its language. */
export interface FieldMessage {
  /** The input's own name (the request's field, after aliases). */
  field: string;
  messageKey: string;
  substitutions: string[];
}

/** Request field name → catalogue field, where a request's name says less than the form (`code`). */
export type FieldAliases = Readonly<Record<string, FieldName>>;

const pathOf = (issue: IssueLike): string[] =>
  typeof issue.path === 'string' ? issue.path.split('.').filter(Boolean) : issue.path.map(String);

const valueAt = (input: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>(
    (value, step) =>
      typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[step] : undefined,
    input,
  );

function kindOf(issue: IssueLike, value: unknown): FieldKind {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return 'missing';
  }
  return issue.code === 'too_big' ? 'tooLong' : 'invalid';
}

/** A union that matched no branch is read as its first branch's issues, which name the fields. */
function flatten(issues: readonly IssueLike[]): IssueLike[] {
  return issues.flatMap((issue) => {
    const branch = issue.code === 'invalid_union' ? issue.errors?.[0] : undefined;
    if (!branch || branch.length === 0) return [issue];
    const base = pathOf(issue);
    return flatten(branch.map((inner) => ({ ...inner, path: [...base, ...pathOf(inner)] })));
  });
}

const isKnown = (name: string): name is FieldName => Object.hasOwn(fieldCatalogue, name);

function keyFor(field: FieldName, kind: FieldKind): string {
  const kinds: Partial<Record<FieldKind, string>> & { invalid: string } = fieldCatalogue[field];
  return kinds[kind] ?? kinds.invalid;
}

/**
 * Turns validation failures into one human sentence per field, in the order the fields failed. `input` is
 * what was checked, so an empty field reads "Enter your email address" rather than "Invalid email address".
 */
export function fieldMessages(
  issues: readonly IssueLike[],
  input: unknown,
  aliases: FieldAliases = {},
): FieldMessage[] {
  const byField = new Map<string, FieldMessage & { kind: FieldKind }>();
  for (const issue of flatten(issues)) {
    const path = pathOf(issue);
    const field = path[0] ?? '';
    const kind = kindOf(issue, valueAt(input, path));
    const seen = byField.get(field);
    // A field reported twice (empty, and so also not matching its pattern) gets one sentence: the first.
    if (seen && !(kind === 'missing' && seen.kind !== 'missing')) continue;
    const name = aliases[field] ?? field;
    byField.set(field, {
      field,
      kind,
      ...(isKnown(name)
        ? { messageKey: keyFor(name, kind), substitutions: [] }
        : field === ''
          ? { messageKey: FORM_KEY, substitutions: [] }
          : { messageKey: UNKNOWN_FIELD_KEY, substitutions: [path.join('.')] }),
    });
  }
  return [...byField.values()].map(({ field, messageKey, substitutions }) => ({
    field,
    messageKey,
    substitutions,
  }));
}

/** The sentence for the first value of a settings file that failed, e.g. "This file's site rules are not valid". */
export function settingsFileMessage(issues: readonly IssueLike[]): FieldMessage {
  const field = issues.map((issue) => pathOf(issue)[0] ?? '').find((name) => name !== 'version') ?? '';
  const known = (settingsFileFields as readonly string[]).includes(field);
  return {
    field,
    messageKey: known ? `importErrorField_${field}` : SETTINGS_FILE_UNKNOWN_KEY,
    substitutions: [],
  };
}
