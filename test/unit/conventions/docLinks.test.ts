import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

// The README is the front door and docs/ holds the rest: every relative link between them must lead somewhere,
// down to the heading it names, so moving a section cannot silently break the way to it.

/** Written on another branch at the same time as the links to them; checked like the rest once they exist. */
const documents = (): string[] => [
  'README.md',
  ...readdirSync('docs')
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** The text without fenced code blocks and inline code, where `](` is code, not a link. */
const prose = (markdown: string): string =>
  markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '').replace(/`[^`\n]*`/g, '');

/** Relative link targets (`[text](target)`); web addresses and mail links are not files. */
const relativeLinks = (markdown: string): string[] =>
  [...prose(markdown).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1]!)
    .filter((target) => !/^[a-z][a-z+.-]*:/i.test(target));

/** GitHub's anchor for a heading: lower case, punctuation dropped (hyphens and underscores kept), spaces to hyphens. */
const headingAnchor = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

/** Every anchor a document offers, numbered as GitHub does when a heading repeats (`-1`, `-2`, …). */
const anchorsOf = (markdown: string): Set<string> => {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of prose(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const base = headingAnchor(heading!);
    const count = seen.get(base) ?? 0;
    anchors.add(count ? `${base}-${count}` : base);
    seen.set(base, count + 1);
  }
  return anchors;
};

interface Link {
  from: string;
  target: string;
  /** The file it leads to, from the repository root; the document itself for `#anchor`. */
  file: string;
  anchor: string | null;
}

const linksOf = (from: string): Link[] =>
  relativeLinks(readFileSync(from, 'utf8')).map((target) => {
    const [path = '', anchor] = target.split('#');
    return {
      from,
      target,
      file: path ? normalize(join(dirname(from), decodeURIComponent(path))) : from,
      anchor: anchor ?? null,
    };
  });

describe('conventions: documentation links', () => {
  const links = documents().flatMap(linksOf);

  it('finds the links it checks', () => {
    expect(links.length).toBeGreaterThan(20);
    expect(links.map((link) => link.file)).toContain('docs/testing.md');
  });

  it('every relative link in README.md and docs/ leads to a file of the repository', () => {
    const broken = links
      .filter((link) => !existsSync(link.file))
      .map((link) => `${link.from}: ${link.target}`);
    expect(broken).toEqual([]);
  });

  it('every link to a heading names a heading of that document', () => {
    const broken = links
      .filter((link) => link.anchor !== null && link.file.endsWith('.md') && existsSync(link.file))
      .filter((link) => !anchorsOf(readFileSync(link.file, 'utf8')).has(link.anchor!))
      .map((link) => `${link.from}: ${link.target}`);
    expect(broken).toEqual([]);
  });
});

describe('conventions: how links and headings are read', () => {
  it('reads relative links, not web addresses, and not code', () => {
    const markdown = [
      'See [testing](docs/testing.md#the-clock-ahead-run), [here](#layout) and [web](https://example.com).',
      '`a](not/a/link)` and',
      '```sh',
      'echo "[x](not/either)"',
      '```',
    ].join('\n');
    expect(relativeLinks(markdown)).toEqual(['docs/testing.md#the-clock-ahead-run', '#layout']);
  });

  it('makes anchors as GitHub does', () => {
    expect(headingAnchor('Routing (PAC)')).toBe('routing-pac');
    expect(headingAnchor('Firefox threat-rule install')).toBe('firefox-threat-rule-install');
    expect(headingAnchor('"This site" and the popup')).toBe('this-site-and-the-popup');
    expect([...anchorsOf('# Tests\n## Tests\n```\n# not a heading\n```\n')]).toEqual(['tests', 'tests-1']);
  });
});
