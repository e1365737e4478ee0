const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A file's bytes as text, read the one way every content file is read (articles and profiles):
 * strict UTF-8 (WHATWG Encoding, fatal), or the problem to report on the file's `file` field,
 * saying at which byte the bytes stop being UTF-8. A byte-order mark is dropped, as the decoder
 * drops it.
 */
export function readUtf8(bytes: Uint8Array): { text: string } | { problem: string } {
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const lenient = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    const at = Buffer.byteLength(lenient.slice(0, lenient.indexOf('\uFFFD')));
    return { problem: `expected UTF-8 text, found a byte sequence that is not UTF-8 at byte ${at} (save the file as UTF-8)` };
  }
}
