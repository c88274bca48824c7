// Safe Browsing canonicalisation is defined over bytes, not characters: an escape such as %80 or %C3%BC
// must survive unescaping and re-escaping unchanged. We model bytes as a "byte string" (every char code
// 0–255) so the work stays on fast string operations.

const encoder = new TextEncoder();
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Non-ASCII characters become their UTF-8 bytes, as a browser would send them. */
export function toByteString(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  let out = '';
  for (const byte of encoder.encode(text)) out += String.fromCharCode(byte);
  return out;
}

/** Reads a byte string as UTF-8, or null when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: string): string | null {
  const array = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) array[i] = bytes.charCodeAt(i);
  try {
    return utf8.decode(array);
  } catch {
    return null;
  }
}

const HEX = /%([0-9a-fA-F]{2})/g;

/** Unescapes until nothing changes. Each pass that changes anything shortens the text, so it ends. */
export function unescapeFully(bytes: string): string {
  let current = bytes;
  while (current.includes('%')) {
    const next = current.replace(HEX, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (next === current) return current;
    current = next;
  }
  return current;
}

// eslint-disable-next-line no-control-regex
const MUST_ESCAPE = /[\x00-\x20\x7f-\xff#%]/g;
const escapeByte = (char: string): string =>
  '%' + char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');

/** Escapes exactly the bytes Safe Browsing asks for: <= 0x20, >= 0x7f, '#' and '%'. */
export function escapeBytes(bytes: string): string {
  return bytes.replace(MUST_ESCAPE, escapeByte);
}
