import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The popup's speed budget (issue 16: its first status within 1.3x a blank extension page) holds only while
// what runs before its first render stays small. zod (about 130 kB) is the heavy one: replies are validated by
// the background that sends them, and the one file the popup reads itself (a locale file) is read without
// zod (src/i18n/bundledLocale.ts). This walks the popup's static value imports (type-only ones vanish in the
// build; `import()` loads later) and names every package it reaches.

const ENTRY = 'popup/main.tsx';
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

/** The module specifiers a file loads at once: value imports and re-exports, not types nor `import()`. */
function staticImports(source: string, fileName = 'file.tsx'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      const onlyTypes =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            bindings !== undefined &&
            ts.isNamedImports(bindings) &&
            bindings.elements.length > 0 &&
            bindings.elements.every((element) => element.isTypeOnly)));
      if (!onlyTypes) found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      const clause = statement.exportClause;
      const onlyTypes =
        clause !== undefined &&
        ts.isNamedExports(clause) &&
        clause.elements.length > 0 &&
        clause.elements.every((element) => element.isTypeOnly);
      if (!onlyTypes) found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return found;
}

/** Every package (by name) the popup's entry reaches through static imports, with the file that imports it. */
function packagesReached(entry: string): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of staticImports(readFileSync(file, 'utf8'), file)) {
      if (specifier.endsWith('.css')) continue;
      if (!specifier.startsWith('.')) {
        const name = specifier.startsWith('@')
          ? specifier.split('/').slice(0, 2).join('/')
          : specifier.split('/')[0];
        if (!packages.has(name!)) packages.set(name!, file);
        continue;
      }
      const base = normalize(join(dirname(file), specifier));
      const resolved = EXTENSIONS.map((extension) => base + extension).find((path) => existsSync(path));
      if (resolved === undefined) throw new Error(`${file}: cannot resolve ${specifier}`);
      visit(resolved);
    }
  };
  visit(entry);
  return packages;
}

describe('conventions: the popup starts light', () => {
  it('shows its first frame from a first script that loads no package', () => {
    // popup/early.ts runs as a classic script right after the popup's root (scripts/classicScript.ts); the
    // frame it shows was drawn by the background (src/ui/popupTop/firstFrame.tsx).
    expect([...packagesReached('popup/early.ts').keys()]).toEqual([]);
    expect(readFileSync('popup/index.html', 'utf8')).toMatch(
      /<div id="root"><\/div>\s*(<!--[\s\S]*?-->\s*)?<script src="\/popup\/early\.js"[ >]/,
    );
    // Not async: Chrome fetches async scripts after the page's modules, and the request would leave late.
    expect(readFileSync('popup/index.html', 'utf8')).not.toMatch(/early\.js"[^>]*\basync\b/);
  });

  it('loads no package but preact and webextension-polyfill before its first status', () => {
    const reached = packagesReached(ENTRY);
    const where = [...reached].map(([name, from]) => `${name} from ${from}`).join(', ');
    expect([...reached.keys()].sort(), where).toEqual(['preact', 'webextension-polyfill']);
  });

  it('would notice a value import and skip type-only ones', () => {
    expect(
      staticImports(
        [
          "import { z } from 'zod';",
          "import type { Settings } from './settings';",
          "import { type Client, type Request } from './messages';",
          "import { createClient, type RawSend } from './client';",
          "export * from './contract';",
          "export type { Reply } from './reply';",
          "const lazy = () => import('./heavy');",
        ].join('\n'),
      ),
    ).toEqual(['zod', './client', './contract']);
  });
});
