import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { buffer } from 'node:stream/consumers';
import yauzl from 'yauzl';

/** Every file of a .zip/.xpi by its path inside the archive. */
export async function readArchive(path: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(path);
  const files = new Map<string, Buffer>();
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      files.set(entry.fileName, await buffer(await zip.openReadStreamPromise(entry)));
    }
  } finally {
    zip.close();
  }
  return files;
}

/** Every file of a built extension directory, keyed as in its archive. */
export async function readBuild(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, Buffer>();
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path).split(sep).join('/'), await readFile(path));
  }
  return files;
}

/**
 * The background's code: its entry script and every module it imports, followed through the relative
 * imports the bundler writes (`import "./assets/x.js"`, `from "./y.js"`).
 */
export function backgroundCode(files: ReadonlyMap<string, Buffer>, entry: string): string {
  const seen = new Set<string>();
  const visit = (path: string): void => {
    if (seen.has(path)) return;
    const text = files.get(path)?.toString('utf8');
    if (text === undefined) throw new Error(`The package has no ${path}`);
    seen.add(path);
    for (const match of text.matchAll(/(?:import|from)\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g))
      visit(new URL(match[1] as string, `file:///${path}`).pathname.slice(1));
  };
  visit(entry);
  return [...seen].map((path) => files.get(path)?.toString('utf8')).join('\n');
}
