import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Every path of the account API is declared once, in the route table (src/api/routes.ts): the server
// registers its entries and the clients name them. A literal '/api/v1/...' anywhere else is a route
// declared a second time, which drifts.

const DECLARING = new Set(['src/api/routes.ts', 'src/api/route.ts']);
/** The extension's contexts, the portal, the service and the shared code. */
const CHECKED = /^(background|portal|popup|options|warning|blocked|content|server|src)\/.*\.(ts|tsx|mjs|js)$/;
/** A string or template literal that starts with the API's prefix. */
const API_LITERAL = /['"`]\/api\/v1(?=[/'"`$?])/;
const COMMENT = /^\s*(\/\/|\/\*|\*)/;

const tracked = (): string[] =>
  execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
    .split('\0')
    .filter((file) => CHECKED.test(file) && !DECLARING.has(file));

/** `file:line: text` of every code line (comments aside) with an API path literal. */
const literalsIn = (file: string): string[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) =>
      !COMMENT.test(line) && API_LITERAL.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
    );

describe('conventions', () => {
  it('no client, server or shared file writes an /api/v1 path: they name an entry of src/api/routes', () => {
    const files = tracked();
    expect(files.some((file) => file.startsWith('portal/'))).toBe(true);
    expect(files.flatMap(literalsIn)).toEqual([]);
  });

  it('would notice a path written by hand', () => {
    expect(API_LITERAL.test('fetch(`/api/v1${path}`)')).toBe(true);
    expect(API_LITERAL.test("path: '/api/v1/devices/me'")).toBe(true);
    expect(API_LITERAL.test('// GET /api/v1/account')).toBe(false);
  });
});
