import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { createSecureContext } from 'node:tls';
import { appError, err, type Result } from '../../src/result';
import { readTlsFiles, type TlsMaterial } from './tls';

/** Reads the key and certificate files and checks they make a usable pair before anyone is given them. */
export const readUsableTls = async (keyFile: string, certFile: string): Promise<Result<TlsMaterial>> => {
  const files = await readTlsFiles(keyFile, certFile);
  if (!files.ok) return files;
  try {
    // Throws on a malformed PEM, and on a key that does not belong to the certificate.
    createSecureContext(files.value);
    return files;
  } catch (error) {
    return err(appError('gateway-tls-unusable', 'errorGatewayTls', [String(error)]));
  }
};

export interface CertificateWatch {
  /** Reads the files now (SIGHUP); a pair that changed and is usable goes to `onChange`. */
  reload(): Promise<void>;
  close(): void;
}

/**
 * Follows the certificate and key files: a change (an editor's write, or the rename and symlink swap of
 * certbot and Kubernetes secrets, hence watching the folders) settles for `debounceMs`, then the pair is read,
 * checked, and handed on if it differs from the one in use. A half-written or mismatched pair is logged and
 * skipped; the next change tries again.
 */
export const watchCertificate = (options: {
  keyFile: string;
  certFile: string;
  current: TlsMaterial;
  onChange: (material: TlsMaterial) => void;
  log: (line: string) => void;
  debounceMs?: number;
}): CertificateWatch => {
  let current = options.current;
  let timer: NodeJS.Timeout | undefined;
  const reload = async () => {
    const read = await readUsableTls(options.keyFile, options.certFile);
    if (!read.ok) {
      options.log(`certificate not reloaded: ${read.error.substitutions?.join(' ') ?? read.error.code}`);
      return;
    }
    if (read.value.cert === current.cert && read.value.key === current.key) return;
    current = read.value;
    options.onChange(read.value);
  };
  const names = new Set([basename(options.keyFile), basename(options.certFile)]);
  const watchers: FSWatcher[] = [...new Set([dirname(options.keyFile), dirname(options.certFile)])].map(
    (folder) =>
      watch(folder, (_event, name) => {
        // Kubernetes swaps a `..data` symlink: any change in the folder may be ours.
        if (name !== null && !names.has(name) && !name.startsWith('..')) return;
        clearTimeout(timer);
        timer = setTimeout(() => void reload(), options.debounceMs ?? 500);
      }),
  );
  return {
    reload,
    close: () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
};
