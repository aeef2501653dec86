import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeJsonLine } from './json-line.ts';
import { readMessages } from './message-reader.ts';

async function collect(feed: (input: PassThrough) => Promise<void>): Promise<string[]> {
  const input = new PassThrough();
  const reader = readMessages(input, new PassThrough(), 40);
  const got: string[] = [];
  const done = (async () => {
    for await (const m of reader.messages) got.push(m);
  })();
  await feed(input);
  input.end();
  await done;
  return got;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('terminal input as messages (no bracketed paste: a piped or plain terminal)', () => {
  it('lines that arrive in one burst are one message; a line typed later is the next', async () => {
    const got = await collect(async (input) => {
      input.write('Error code 521\nWeb server is down\nCloudflare Ray ID: 8e8c1f2a9b3d4e5f\n');
      await pause(120);
      input.write('talk to a human\n');
      await pause(120);
    });
    expect(got).toEqual(['Error code 521\nWeb server is down\nCloudflare Ray ID: 8e8c1f2a9b3d4e5f', 'talk to a human']);
  });

  it('a burst split across reads by the terminal is still one message', async () => {
    const got = await collect(async (input) => {
      input.write('fl=29f47\nh=shop.example.com\n');
      await pause(5);
      input.write('colo=FRA\nhttp=http/2\n');
      await pause(120);
    });
    expect(got).toEqual(['fl=29f47\nh=shop.example.com\ncolo=FRA\nhttp=http/2']);
  });
});

describe('chat --json lines', () => {
  it('decodes a JSON string literal and leaves anything else as typed', () => {
    expect(decodeJsonLine('"line one\\nline two"')).toBe('line one\nline two');
    expect(decodeJsonLine('"not closed')).toBe('"not closed');
    expect(decodeJsonLine('"a" and "b"')).toBe('"a" and "b"');
    expect(decodeJsonLine('error 522')).toBe('error 522');
  });
});
