import type { Readable } from 'node:stream';

/**
 * Reads at most `limit` bytes of a response body, then stops. Leaving the
 * loop early destroys the stream, which makes undici drop the connection,
 * so an endless or huge body costs the bot `limit` bytes and no more.
 */

export type LimitedBody = { text: string; truncated: boolean };

export async function readLimitedBody(body: Readable | AsyncIterable<Uint8Array>, limit: number): Promise<LimitedBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (size + bytes.length > limit) {
      chunks.push(bytes.subarray(0, limit - size));
      truncated = true;
      break;
    }
    chunks.push(bytes);
    size += bytes.length;
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated };
}
