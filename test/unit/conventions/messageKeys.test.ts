// Every message in every language, and every key the code asks for in the catalogues: the extension's pages,
// background and the portal all read extension/_locales, so one missing key is a raw key on someone's screen.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeMessagesSchema, uiLanguages, type LocaleMessages } from '../../../src/i18n';
import { builtMessageKeys, messageKeyFamilies } from '../../../src/i18n/keyFamilies';

const LOCALES = 'extension/_locales';
const catalogue = (lang: string): LocaleMessages =>
  localeMessagesSchema.parse(JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')));
const bundled = readdirSync(LOCALES).sort();
const en = catalogue('en');
const enKeys = Object.keys(en).sort();

/** Every plural form any of the languages uses (Intl.PluralRules), so `pluralKey` always finds a message. */
const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];

const CODE_FOLDERS = ['background', 'content', 'popup', 'options', 'warning', 'blocked', 'src', 'portal'];
const codeFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return codeFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
const sources = CODE_FOLDERS.flatMap(codeFiles).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

/** The first argument of each call to `name(`, as source text (up to its comma or closing parenthesis). */
function firstArguments(text: string, name: string): string[] {
  const found: string[] = [];
  const call = new RegExp(`(?<![\\w$])${name}\\(`, 'g');
  for (let match = call.exec(text); match; match = call.exec(text)) {
    let depth = 0;
    let i = match.index + match[0].length;
    const start = i;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) break;
        depth--;
      } else if (c === ',' && depth === 0) break;
    }
    found.push(text.slice(start, i));
  }
  return found;
}

/**
 * The quoted words of an argument that can be keys: not those compared in a condition (`kind === 'x' ? … : …`)
 * nor those inside a template (`plan_${tier ?? 'free'}`, a family checked on its own).
 */
const literals = (argument: string) =>
  [
    ...argument
      .replace(/`[^`]*`/g, '')
      .replace(/[!=]==\s*'[^']*'|'[^']*'\s*[!=]==/g, '')
      .matchAll(/'([A-Za-z][\w@]*)'/g),
  ].map((m) => m[1]!);

interface Use {
  key: string;
  where: string;
}

/**
 * Messages no code reads today, kept while the popup and options are redesigned (2026-11-30): the redesign
 * either uses them again or deletes them, and this list with them.
 */
const UNUSED_ALLOWED = ['gatewayLabel', 'limitResetsAt', 'protectionOn', 'regionLabel', 'warningProceed'];

/** Keys the code names: `t('key')`, `translate(…)`, `getMessage(…)`, `messageKey: 'key'`, `appError(code, 'key')`. */
function literalUses(): { keys: Use[]; families: Use[]; pluralBases: Use[] } {
  const keys: Use[] = [];
  const families: Use[] = [];
  const pluralBases: Use[] = [];
  for (const { path, text } of sources) {
    for (const name of ['t', 'translate', 'getMessage', 'i18n.getMessage']) {
      for (const argument of firstArguments(text, name))
        for (const key of literals(argument)) if (!key.startsWith('@@')) keys.push({ key, where: path });
    }
    for (const argument of firstArguments(text, 'tCount'))
      for (const key of literals(argument)) pluralBases.push({ key, where: path });
    for (const m of text.matchAll(/messageKey: '(\w+)'/g)) keys.push({ key: m[1]!, where: path });
    for (const m of text.matchAll(/appError\([^,()]+,\s*'(\w+)'/g)) keys.push({ key: m[1]!, where: path });
    for (const m of text.matchAll(/mountPage\(.*?,\s*'(\w+)'\s*[,)]/g)) keys.push({ key: m[1]!, where: path });
    // In this code a template that starts with a word and an underscore builds a message key, always.
    for (const m of text.matchAll(/`([A-Za-z]\w*_)\$\{/g)) families.push({ key: m[1]!, where: path });
  }
  return { keys, families, pluralBases };
}

describe('message catalogues', () => {
  it('bundles exactly the languages Rampart offers', () => {
    expect(bundled).toEqual([...uiLanguages].sort());
  });

  it.each(bundled.filter((lang) => lang !== 'en'))('%s has every English key and no other', (lang) => {
    expect(Object.keys(catalogue(lang)).sort()).toEqual(enKeys);
  });

  it.each(bundled)('%s keeps the placeholders of every English message', (lang) => {
    const messages = catalogue(lang);
    const numbered = (message: string) => [...message.matchAll(/\$[1-9]/g)].map((m) => m[0]).sort();
    const named = (message: string) =>
      [...message.matchAll(/\$([A-Za-z_@]\w*)\$/g)].map((m) => m[1]!.toLowerCase()).sort();
    // A plural form may name its count in words instead (Arabic "قاعدتان", two rules): a subset is enough.
    const isPluralForm = (key: string) => /_(zero|one|two)$/.test(key);
    const sameNumbers = (key: string, ours: string[], english: string[]) =>
      isPluralForm(key)
        ? ours.every((slot) => english.includes(slot))
        : JSON.stringify(ours) === JSON.stringify(english);
    const wrong = enKeys.filter((key) => {
      const ours = messages[key];
      const english = en[key]!;
      return (
        ours === undefined ||
        !sameNumbers(key, numbered(ours.message), numbered(english.message)) ||
        JSON.stringify(named(ours.message)) !== JSON.stringify(named(english.message)) ||
        JSON.stringify(Object.keys(ours.placeholders ?? {}).sort()) !==
          JSON.stringify(Object.keys(english.placeholders ?? {}).sort())
      );
    });
    expect(wrong).toEqual([]);
  });

  it.each(bundled)('%s has no empty message', (lang) => {
    const empty = Object.entries(catalogue(lang)).filter(([, entry]) => entry.message.trim() === '');
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it('gives every counted message all six plural forms', () => {
    const bases = enKeys
      .filter((key) => key.endsWith('_one') && `${key.slice(0, -'_one'.length)}_other` in en)
      .map((key) => key.slice(0, -'_one'.length));
    const missing = bases.flatMap((base) =>
      PLURAL_FORMS.map((form) => `${base}_${form}`).filter((key) => !(key in en)),
    );
    expect(bases.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});

describe('message keys in code', () => {
  const { keys, families, pluralBases } = literalUses();

  it('finds the keys the code names (the scan itself works)', () => {
    expect(keys.map((use) => use.key)).toEqual(expect.arrayContaining(['popupTitle', 'portal_nav_home']));
    expect(families.map((use) => use.key)).toEqual(expect.arrayContaining(['state_', 'category_']));
    expect(pluralBases.length).toBeGreaterThan(0);
  });

  it('has an English message for every key named in code', () => {
    expect(keys.filter((use) => !(use.key in en))).toEqual([]);
  });

  it('declares every key built from parts in src/i18n/keyFamilies.ts', () => {
    expect(families.filter((use) => !(use.key in messageKeyFamilies))).toEqual([]);
  });

  it('has an English message for every declared built key and every counted message', () => {
    const built = builtMessageKeys().filter((key) => !(key in en));
    const counted = pluralBases.filter((use) => !(`${use.key}_other` in en));
    expect(built).toEqual([]);
    expect(counted).toEqual([]);
  });

  it('uses every English message', () => {
    const manifest = readFileSync('manifest.json', 'utf8');
    const quoted = new Set(
      sources.flatMap(({ text }) => [...text.matchAll(/['"](\w+)['"]/g)].map((m) => m[1]!)),
    );
    const built = new Set(builtMessageKeys());
    const used = (key: string) => {
      const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
      return (
        quoted.has(key) ||
        built.has(key) ||
        manifest.includes(`__MSG_${key}__`) ||
        (base !== key && quoted.has(base))
      );
    };
    expect(enKeys.filter((key) => !used(key))).toEqual(UNUSED_ALLOWED);
  });
});

describe('the portal’s words all come from the catalogues', () => {
  // Technical names that read the same in every language.
  const SAME_IN_EVERY_LANGUAGE = new Set(['IP']);
  const portalPages = sources.filter(({ path }) => path.startsWith('portal') && path.endsWith('.tsx'));

  it('has no English text written into a component', () => {
    const literal = portalPages.flatMap(({ path, text }) => [
      // JSX text between tags on one line, and a line of plain words between tags on lines of their own.
      ...[
        ...text.matchAll(/>([^<>{}\n;=()&|]*[A-Za-z]{2,}[^<>{}\n;=()&|]*)</g),
        ...text.matchAll(/^\s+([A-Z][a-z]+(?: [A-Za-z’']+)+[.!?:]?)\s*$/gm),
      ]
        .map((m) => m[1]!.trim())
        .filter((words) => !SAME_IN_EVERY_LANGUAGE.has(words))
        .map((words) => `${path}: ${words}`),
      // Words people read in attributes.
      ...[...text.matchAll(/(?:aria-label|title|alt|placeholder)="([^"]*[A-Za-z]{2,}[^"]*)"/g)].map(
        (m) => `${path}: ${m[1]!}`,
      ),
    ]);
    expect(portalPages.length).toBeGreaterThan(20);
    expect(literal).toEqual([]);
  });
});
