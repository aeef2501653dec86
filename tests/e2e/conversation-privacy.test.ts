import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conversation, testEngine } from '../support/engine.ts';

/** A visitor's IP reaches nothing a human reads later, nor the sqlite file. */
const VISITOR_IPS = ['203.0.113.7', '198.51.100.23', '2001:db8:85a3::8a2e:370:7334'];

const TRACE = `fl=29f47
h=shop.example.com
ip=203.0.113.7
ts=1795461853.123
visit_scheme=https
colo=FRA
http=http/2
loc=DE
tls=TLSv1.3
warp=off`;

const PAGE_522 = `Connection timed out Error code 522
Visit cloudflare.com for more information.
2026-11-30 09:12:44 UTC
What happened?
The initial connection between Cloudflare's network and the origin web server timed out.
Cloudflare Ray ID: 8e8c1f2a9b3d4e5f • Your IP: Click to reveal 198.51.100.23 • Performance & security by Cloudflare`;

function sqliteBytes(dataDir: string): string {
  return readdirSync(dataDir)
    .filter((f) => f.startsWith('conversations.sqlite'))
    .map((f) => readFileSync(join(dataDir, f)).toString('latin1'))
    .join('');
}

describe('privacy of what a user pastes', () => {
  it('user pastes a trace first, then an error page, then asks for a human: no IP in any reply, the summary, the hand-off or the sqlite file', async () => {
    const t = await testEngine({ store: 'sqlite' });
    try {
      const chat = conversation(t.engine, 'ips', 'u-ips');
      const out = [
        ...(await chat.say(`my site is broken, here is my trace\n${TRACE}`)),
        ...(await chat.say(PAGE_522)),
        ...(await chat.say('my ip is 2001:db8:85a3::8a2e:370:7334 if that helps')),
        ...(await chat.say('talk to a human')),
      ];
      const escalation = out.find((r) => r.escalation)?.escalation;
      expect(escalation?.summary).toContain('8e8c1f2a9b3d4e5f');
      expect(escalation?.summary).toMatch(/First message: my site is broken, here is my trace \(\+\d+ more lines\)/);
      const handoff = await t.engine.handoff({ platform: 'cli', user: 'u-ips', requestedBy: 'mod-1', conversationId: 'ips' });
      const messageHandoff = await t.engine.handoff({ platform: 'cli', user: 'u-other', requestedBy: 'mod-1', messageText: PAGE_522 });
      await t.engine.close();
      const everything = [JSON.stringify(out), JSON.stringify(handoff), JSON.stringify(messageHandoff), sqliteBytes(t.dataDir)].join('\n');
      for (const ip of VISITOR_IPS) expect(everything).not.toContain(ip);
      // The evidence itself survives: colo, host, Ray ID.
      expect(handoff.escalation.summary).toContain('FRA');
      expect(JSON.stringify(handoff.transcript)).toContain('[IP removed]');
    } finally {
      await t.cleanup().catch(() => undefined);
    }
  });

  it('an origin server address the owner quotes is evidence and stays', async () => {
    const t = await testEngine();
    try {
      const chat = conversation(t.engine, 'origin-ip');
      await chat.say('error 522 on my site, my origin server is 192.0.2.10');
      const escalation = (await chat.say('talk to a human')).find((r) => r.escalation)?.escalation;
      expect(escalation?.summary).toContain('192.0.2.10');
    } finally {
      await t.cleanup();
    }
  });
});
