import { createWriteStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Zips a built extension with its manifest at the archive's root, in a stable order with forward slashes
 * (what both stores expect of a .zip/.xpi).
 */
export async function zipDirectory(dir: string, archivePath: string): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const file of await filesUnder(dir)) zip.addFile(file, relative(dir, file).split(sep).join('/'));
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(archivePath));
}
