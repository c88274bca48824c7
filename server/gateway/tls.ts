import { createHash, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { generate } from 'selfsigned';
import { appError, err, ok, type Result } from '../../src/result';

export interface TlsMaterial {
  key: string;
  cert: string;
}

export const readTlsFiles = async (keyFile: string, certFile: string): Promise<Result<TlsMaterial>> => {
  try {
    return ok({ key: await readFile(keyFile, 'utf8'), cert: await readFile(certFile, 'utf8') });
  } catch (error) {
    return err(appError('gateway-tls-unreadable', 'errorGatewayTls', [String(error)]));
  }
};

/**
 * For development and tests only: a fresh self-signed certificate for loopback names. Clients must be told to
 * trust it explicitly (tests pass it as `ca`). EC P-256 because it is generated in milliseconds.
 */
export const selfSignedTls = async (extraHostnames: readonly string[] = []): Promise<TlsMaterial> => {
  const names = ['localhost', ...extraHostnames];
  const created = await generate([{ name: 'commonName', value: 'Rampart development gateway' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 30 * 24 * 60 * 60 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...names.map((value) => ({ type: 2 as const, value })),
          { type: 7 as const, ip: '127.0.0.1' },
          { type: 7 as const, ip: '::1' },
        ],
      },
    ],
  });
  return { key: created.private, cert: created.cert };
};

/**
 * Base64 SHA-256 of the certificate's public key: what Chromium's `--ignore-certificate-errors-spki-list`
 * takes, so end-to-end tests can trust a development gateway without trusting everything.
 */
export const spkiFingerprint = (certPem: string): string =>
  createHash('sha256')
    .update(new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
