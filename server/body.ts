const encoder = new TextEncoder();

/**
 * A whole body as bytes with its Content-Length: the Node server's compression skips answers
 * under 1 KiB by that length (a stream of a few hundred bytes through gzip costs more than it
 * saves, and a burst of refused sign-ins made that cost stall everyone else's requests).
 */
export function encodedBody(text: string): { body: Uint8Array<ArrayBuffer>; length: string } {
  const body = encoder.encode(text);
  return { body, length: String(body.byteLength) };
}
