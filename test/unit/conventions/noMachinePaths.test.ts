import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// A fresh machine with another layout must work: the repository names no folder of the machine it was
// written on. Shared data is reached as ../shared/ from the repository root.

/** Source, scripts, tests and docs; data files are not code (a listed threat URL may contain such a folder name). */
const CHECKED = /\.(ts|tsx|mjs|js|cjs|sh|md|html|css)$|(^|\/)(package|tsconfig|manifest)\.json$|^\.ci\//;
const MACHINE_PATH = /(^|[\s'"`(=:])\/(work|home|root|Users|mnt)\/[\w.-]+/m;

const tracked = (): string[] =>
  execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' })
    .split('\0')
    .filter((file) => file && CHECKED.test(file) && !file.startsWith('extension/data/'));

describe('conventions', () => {
  it('no file names an absolute path of a development machine', () => {
    const offending = tracked().flatMap((file) => {
      const match = MACHINE_PATH.exec(readFileSync(file, 'utf8'));
      return match ? [`${file}: ${match[0].trim()}`] : [];
    });
    expect(offending).toEqual([]);
  });
});
