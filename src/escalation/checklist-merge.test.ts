import { describe, expect, it } from 'vitest';
import { extractEvidence } from '../conversation/evidence.ts';
import { checklistTopic, MAX_CHECKLIST_ITEMS, mergeChecklist } from './checklist-merge.ts';

describe('one checklist from the leaf and the docs', () => {
  const items = [
    'The timestamp (UTC) and how often it happens',
    'An MTR from your origin to a Cloudflare IP',
    'Timestamp of the error with its time zone (UTC preferred)',
    'A HAR file of the failing request',
    'An MTR or traceroute from your origin web server to a Cloudflare IP address (how: https://developers.cloudflare.com/x#perform-a-mtr)',
    'The time you saw it',
    'Relevant logs from the origin web server',
    'The Ray ID from the error page',
    'Priority and impact on your production service',
    'A screenshot of the error page, including its Ray ID',
    'Steps to reproduce',
    'dig output for the hostname',
  ];

  it('asks for each thing once, keeps the one that says how, puts the Ray ID and time first, and stops at 7', () => {
    const list = mergeChecklist(items, extractEvidence(''));
    expect(list.length).toBe(MAX_CHECKLIST_ITEMS);
    const topics = list.map(checklistTopic);
    expect(topics).toEqual([...new Set(topics)]);
    expect(list[0]).toMatch(/Ray ID/);
    expect(list[1]).toMatch(/timestamp/i);
    expect(list.filter((i) => /MTR/.test(i))).toEqual([items[4]]);
  });

  it('drops what the user already gave, a time in words included', () => {
    const list = mergeChecklist(items, extractEvidence('Ray ID 8e5f1a2b3c4d5e6f since this morning'));
    expect(list.join('\n')).not.toMatch(/Ray ID from|timestamp|time you saw/i);
  });

  it('always closes with the given last line', () => {
    expect(mergeChecklist(items, extractEvidence(''), 'Send this to the owner').at(-1)).toBe('Send this to the owner');
  });
});
