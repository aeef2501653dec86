import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_521 } from '../support/pasted.ts';
import { startPane, tmuxAvailable, type TmuxPane } from '../support/tmux.ts';

/** The human terminal chat in a real terminal (tmux), as a person pastes into it. */
const root = resolve(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');


const PEM_BODY = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj';
const PEM_PASTE = `here is my origin key, is it the right one?
-----BEGIN PRIVATE KEY-----
${PEM_BODY}
MzRsZWFrZWRLZXlCb2R5TGluZVR3b0xvbmdFbm91Z2hUb0xvb2tSZWFsMTIzNDU2
-----END PRIVATE KEY-----
`;

type Run = { pane: TmuxPane; dataDir: string };
const runs: Run[] = [];
afterEach(() => {
  for (const run of runs.splice(0)) {
    run.pane.kill();
    rmSync(run.dataDir, { recursive: true, force: true });
  }
});

function startChat(env: Record<string, string> = {}): Run {
  const dataDir = mkdtempSync(join(tmpdir(), 'cfbot-tty-'));
  const pane = startPane(`${tsx} adapters/cli/main.ts chat; sleep 30`, {
    cwd: root,
    scratch: dataDir,
    env: { DATA_DIR: dataDir, LOG_LEVEL: 'silent', TERM: 'xterm-256color', ...env },
  });
  const run = { pane, dataDir };
  runs.push(run);
  return run;
}

/** Prompts on screen: the first one the paste is echoed after, then one per reply group. */
const promptCount = (screen: string) => screen.split('\n').filter((l) => /^> /.test(l) || l === '>').length;
const endsAtPrompt = (screen: string) => /\n> ?\s*$/.test(screen.trimEnd() + ' ');

function storedUserMessages(dataDir: string): string[] {
  const db = new Database(join(dataDir, 'conversations.sqlite'), { readonly: true });
  try {
    const row = db.prepare('SELECT transcript_json FROM conversations').get() as { transcript_json: string } | undefined;
    const transcript = JSON.parse(row?.transcript_json ?? '[]') as { role: string; text: string }[];
    return transcript.filter((e) => e.role === 'user').map((e) => e.text);
  } finally {
    db.close();
  }
}

async function ready(run: Run): Promise<void> {
  await run.pane.waitFor((s) => /Ctrl\+D to quit/.test(s) && endsAtPrompt(s));
}

// Each case starts the real chat (tsx, the knowledge load) in a terminal; on a busy machine that takes seconds.
describe.skipIf(!tmuxAvailable())('terminal chat in a real terminal', { timeout: 60_000 }, () => {
  it('a 521 error page pasted with bracketed paste is one message with one reply group', async () => {
    const run = startChat();
    await ready(run);
    run.pane.paste(PAGE_521, { bracketed: true });
    const screen = await run.pane.waitFor((s) => /521/.test(s.split('Performance & security by Cloudflare')[1] ?? '') && endsAtPrompt(s));
    // One reply group: the prompt the paste was echoed on, and one prompt after the replies.
    expect(promptCount(screen)).toBe(2);
    expect(screen).not.toMatch(/Error 1010|Free accounts|Command-line troubleshooting/);
    const stored = storedUserMessages(run.dataDir);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toContain('Web server is down Error code 521');
    expect(stored[0]).toContain('Cloudflare Ray ID: 8e8c1f2a9b3d4e5f');
  });

  it('a page pasted as a plain burst (no bracketed paste) is still one message', async () => {
    const run = startChat();
    await ready(run);
    run.pane.paste(PAGE_521, { bracketed: false });
    const screen = await run.pane.waitFor((s) => /521/.test(s.split('Performance & security by Cloudflare')[1] ?? '') && endsAtPrompt(s));
    expect(promptCount(screen)).toBe(2);
    expect(storedUserMessages(run.dataDir)).toHaveLength(1);
  });

  it('two pastes are two turns, and a line typed after them is a third', async () => {
    const run = startChat();
    await ready(run);
    run.pane.paste('error 522 on my site\nsince this morning\n', { bracketed: true });
    await run.pane.waitFor((s) => promptCount(s) === 2 && endsAtPrompt(s));
    // No newline after the last line: the end of the paste still ends the message.
    run.pane.paste(`here is my trace\nfl=29f47\nh=shop.example.com\nip=203.0.113.7\ncolo=FRA\nhttp=http/2\nloc=DE\ntls=TLSv1.3`, { bracketed: true });
    // The paste's unterminated last line is cleared from the edit line, which redraws a prompt, so the
    // screen's prompts are not a count of turns here: the stored turns are (checked below).
    await run.pane.waitFor((s) => endsAtPrompt(s) && (s.split('loc=DE')[1] ?? '').split('\n').filter((l) => l.trim()).length > 2 && storedUserMessages(run.dataDir).length === 2);
    run.pane.type('talk to a human');
    const screen = await run.pane.waitFor((s) => /Case summary/.test(s) && endsAtPrompt(s));
    // The terminal echoes what was pasted; what the bot printed after it must not repeat the visitor's IP.
    expect(screen.split('> talk to a human')[1]).not.toContain('203.0.113.7');
    const stored = storedUserMessages(run.dataDir);
    expect(stored).toHaveLength(3);
    expect(stored[1]).toMatch(/^here is my trace\n[\s\S]*tls=TLSv1\.3$/);
    expect(stored.join('\n')).not.toContain('203.0.113.7');
  });

  it('a pasted private key is redacted whole: nothing of its body is shown or stored', async () => {
    const run = startChat();
    await ready(run);
    run.pane.paste(PEM_PASTE, { bracketed: true });
    await run.pane.waitFor((s) => /I removed what looked like/.test(s) && endsAtPrompt(s));
    const stored = storedUserMessages(run.dataDir);
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toContain(PEM_BODY.slice(0, 20));
    expect(stored[0]).not.toContain('MzRsZWFrZWRLZXlCb2R5');
    const file = readFileSync(join(run.dataDir, 'conversations.sqlite')).toString('latin1');
    expect(file).not.toContain(PEM_BODY.slice(0, 20));
  });

  it('cards are bold without stray escape fragments, and NO_COLOR turns colours off', async () => {
    const colored = startChat();
    await ready(colored);
    colored.pane.type('error 1020');
    const plain = await colored.pane.waitFor((s) => /Resolution/.test(s) && endsAtPrompt(s));
    expect(plain).not.toMatch(/m(?:Common causes?|Resolution)\b|\[\s*https?:/);
    expect(plain).not.toContain('\u001b');
    const withEscapes = execFileSync('tmux', ['-L', socketOf(colored), 'capture-pane', '-p', '-e', '-S', '-'], { encoding: 'utf8' });
    expect(withEscapes).toContain('\u001b[1mResolution');

    const noColor = startChat({ NO_COLOR: '1' });
    await ready(noColor);
    noColor.pane.type('error 1020');
    await noColor.pane.waitFor((s) => /Resolution/.test(s) && endsAtPrompt(s));
    const raw = execFileSync('tmux', ['-L', socketOf(noColor), 'capture-pane', '-p', '-e', '-S', '-'], { encoding: 'utf8' });
    expect(raw).not.toContain('\u001b[1m');
  });
});

function socketOf(run: Run): string {
  return run.pane.socket;
}
