import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { placeOf, storedGroups } from '../../../src/storage';

// Every stored value is declared once, in src/storage (key, area, schema, version), and read and written only
// through that declaration (background/storage). A key spelled out anywhere else, or an area reached around
// the declarations, is a second declaration that drifts: a literal beside a constant, a read with a cast.

/** Where declarations live, and the adapters that hand the browser's storage to them. */
const ALLOWED =
  /^(src\/storage\/|background\/storage\/|background\/browserPlatform\.ts$|background\/threatListDb\.ts$)/;
/** The extension's contexts and the shared code. */
const CHECKED = /^(background|popup|options|warning|blocked|content|src)\/.*\.(ts|tsx)$/;
const COMMENT = /^\s*(\/\/|\/\*|\*)/;
/** Reaching an area directly: `browser.storage.local`, `platform.session.get(…)`, `openDB(…)`. */
const DIRECT_ACCESS = [
  /\bstorage\.(local|session|sync|managed)\b/,
  /[\w$)\]]\.(local|session)\b/,
  /\b(indexedDB|openDB)\b/,
];

const declarations = Object.entries(storedGroups).flatMap(([group, values]) =>
  Object.entries(values).map(([name, value]) => ({ group, name, value })),
);

const sourceFiles = (): string[] =>
  execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
    .split('\0')
    .filter((file) => CHECKED.test(file) && !ALLOWED.test(file));

const codeLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .map((text, i) => ({ where: `${file}:${i + 1}`, text }))
    .filter(({ text }) => !COMMENT.test(text));

/** A key as a string literal; a translation key of the same name (`t('accountFound')`) is another thing. */
const keyLiteral = (key: string) => new RegExp(`(?<!\\bt\\()['"\`]${key}['"\`]`);

describe('conventions: stored values', () => {
  it('every value is declared exactly once: one name, one place, one key across the storage areas', () => {
    const names = declarations.map((d) => d.name);
    const places = declarations.map((d) => placeOf(d.value));
    // storage.onChanged names a key without its area: a key used in both areas could not be told apart.
    const keys = declarations.filter((d) => d.value.area !== 'indexedDB').map((d) => d.value.key);
    expect(declarations.length).toBeGreaterThan(20);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    expect(places.filter((place, i) => places.indexOf(place) !== i)).toEqual([]);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  it('every value has a version, and one past the first layout knows how to read the older ones', () => {
    for (const { name, value } of declarations) {
      expect(Number.isInteger(value.version) && value.version >= 1, name).toBe(true);
      if (value.version > 1) expect('upgrade' in value && typeof value.upgrade, name).toBe('function');
    }
  });

  it('no code outside the declarations reaches a storage area directly', () => {
    const files = sourceFiles();
    expect(files).toContain('background/compose.ts');
    const found = files.flatMap((file) =>
      codeLines(file)
        .filter(({ text }) => DIRECT_ACCESS.some((pattern) => pattern.test(text)))
        .map(({ where, text }) => `${where}: ${text.trim()}`),
    );
    expect(found).toEqual([]);
  });

  it('no code outside the declarations spells out a storage key', () => {
    const keys = declarations.map((d) => d.value.key);
    const found = sourceFiles().flatMap((file) =>
      codeLines(file)
        .filter(({ text }) => keys.some((key) => keyLiteral(key).test(text)))
        .map(({ where, text }) => `${where}: ${text.trim()}`),
    );
    expect(found).toEqual([]);
  });

  it('would notice direct access and a key written by hand', () => {
    const direct = (line: string) => DIRECT_ACCESS.some((pattern) => pattern.test(line));
    expect(direct('await platform.session.get(STATE_KEY);')).toBe(true);
    expect(direct('createAskAnswerStore(platform.local, now)')).toBe(true);
    expect(direct('browser.storage.local.get(null)')).toBe(true);
    expect(direct("const db = await openDB('x', 1);")).toBe(true);
    expect(direct("host.endsWith('.local')")).toBe(false);
    expect(keyLiteral('accountFound').test("await platform.session.get('accountFound');")).toBe(true);
    expect(keyLiteral('tier').test('const KEYS = ["connection", "tier"];')).toBe(true);
    expect(keyLiteral('accountFound').test("{t('accountFound', [email])}")).toBe(false);
  });
});
