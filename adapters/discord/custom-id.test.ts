import { describe, expect, it } from 'vitest';
import { decodeCustomId } from './custom-id.ts';

describe('decodeCustomId', () => {
  it('treats other namespaces and older versions as unknown', () => {
    expect(decodeCustomId('cfb0:c:solved:yes')).toEqual({ kind: 'unknown' });
    expect(decodeCustomId('something-else')).toEqual({ kind: 'unknown' });
    expect(decodeCustomId('cfb1:c:solved:yes')).toEqual({ kind: 'choice', choiceId: 'solved:yes' });
  });
});
