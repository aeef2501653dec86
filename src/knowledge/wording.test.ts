import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../tests/knowledge-paths.ts';
import { loadWording, say, TEXT_PLACEHOLDERS, wordingProblems, type TextKey } from './wording.ts';

const SHIPPED = join(REPO_ROOT, 'knowledge', 'wording.yaml');
const shippedText = readFileSync(SHIPPED, 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'wording-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let edits = 0;
/** The shipped file with one edit, as a translator would save it. */
function edited(change: (text: string) => string): string {
  const file = join(scratch, `wording-${++edits}.yaml`);
  const text = change(shippedText);
  expect(text).not.toBe(shippedText); // the edit must have happened
  writeFileSync(file, text);
  return file;
}

describe('knowledge/wording.yaml as shipped', () => {
  it('loads, and fills each placeholder it is given', () => {
    const wording = loadWording(SHIPPED);
    expect(say(wording, 'expiredFresh', { minutes: 30 })).toBe('Our previous conversation expired after 30 minutes without activity, so I am starting fresh.');
    expect(say(wording, 'tookAs', { because: 'you said it is your own site', question: 'Do you run this website?', answer: 'I run this site' })).toBe('Since you said it is your own site, I took “Do you run this website?” as **I run this site**.');
    expect(wording.escalation['site-owner'].heading).toBe('Contact the site owner');
  });
});

describe('a broken wording file stops loading with a message naming the key', () => {
  it('a misspelt placeholder', () => {
    const file = edited((t) => t.replace('after {minutes} minutes without activity. Ask', 'after {minuts} minutes without activity. Ask'));
    expect(() => loadWording(file)).toThrow(`${file} is invalid:\n  expiredChoice: uses {minuts}, which the bot does not fill in (this text has {minutes})\n  expiredChoice: must use {minutes}`);
  });

  it('a placeholder in a text that takes none', () => {
    const file = edited((t) => t.replace('welcome: You are welcome!', 'welcome: You are welcome, {name}!'));
    expect(() => loadWording(file)).toThrow(/welcome: uses \{name\}, which the bot does not fill in \(this text takes no placeholders\)/);
  });

  it('a missing text, and one left empty', () => {
    const file = edited((t) => t.replace(/^gladSolved: .*\n/m, '').replace(/^stepsAbove: .*$/m, 'stepsAbove: ""'));
    expect(wordingProblems(file)).toEqual([
      { where: 'gladSolved', reason: 'missing: write this text' },
      { where: 'stepsAbove', reason: 'is empty' },
    ]);
  });

  it('a key typed wrong (the text would never be said)', () => {
    const file = edited((t) => t.replace('talkToHuman: Talk to a human', 'talkToHuman: Talk to a human\ntalkToHumen: Talk to a person'));
    expect(() => loadWording(file)).toThrow(/\(top level\): Unrecognized key: "talkToHumen"/);
  });

  it('an audience without its heading', () => {
    const file = edited((t) => t.replace('    heading: Contact the site owner\n', ''));
    expect(wordingProblems(file)).toEqual([{ where: 'escalation.site-owner.heading', reason: 'missing: write this text' }]);
  });

  it('a text that is not a text, and YAML that does not parse (file and line)', () => {
    const list = edited((t) => t.replace('startOver: Start over', 'startOver:\n  - Start over'));
    expect(wordingProblems(list)).toEqual([{ where: 'startOver', reason: 'must be a text, not a list or a mapping' }]);
    const unparsable = edited((t) => t.replace('notSureWhich: "I am not sure', 'notSureWhich: I am: not sure "'));
    expect(() => loadWording(unparsable)).toThrow(new RegExp(`^${unparsable.replaceAll('.', '\\.')}: .*line \\d+`, 's'));
  });
});

/** Every .ts file under src/ that is not a test. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the texts the code says and the texts the file has', () => {
  const code = sourceFiles(join(REPO_ROOT, 'src')).map((file) => ({ file: relative(REPO_ROOT, file), text: readFileSync(file, 'utf8') }));
  const used = new Map<string, string>();
  for (const { file, text } of code) for (const m of text.matchAll(/\bsay\([^,()]*(?:\(\))?[^,()]*,\s*'([^']+)'/g)) used.set(m[1] ?? '', file);
  // A reason (knowledge/reason.ts) names its "because…" text second: reason('said', 'becausePlanSaid', …).
  const reasons = new Map<string, string>();
  for (const { file, text } of code) for (const m of text.matchAll(/\breason\('\w+',\s*'([^']+)'/g)) reasons.set(m[1] ?? '', file);
  for (const [key, file] of reasons) used.set(key, file);
  const shipped = parse(shippedText) as Record<string, unknown>;

  it('every text key used in code is in the file and in the schema', () => {
    expect(used.size).toBeGreaterThan(30);
    expect(reasons.size).toBeGreaterThan(30);
    expect([...reasons.keys()].filter((key) => !key.startsWith('because'))).toEqual([]);
    const missing = [...used].filter(([key]) => !(key in shipped) || !(key in TEXT_PLACEHOLDERS)).map(([key, file]) => `${key} (said in ${file})`);
    expect(missing).toEqual([]);
  });

  it('every text in the file is said somewhere (no dead text a translator would work on for nothing)', () => {
    const unused = (Object.keys(TEXT_PLACEHOLDERS) as TextKey[]).filter((key) => !used.has(key));
    expect(unused).toEqual([]);
    expect(Object.keys(shipped).sort()).toEqual([...Object.keys(TEXT_PLACEHOLDERS), 'escalation'].sort());
  });

  const wording = loadWording(SHIPPED);
  const texts = [...(Object.keys(TEXT_PLACEHOLDERS) as TextKey[]).map((key) => wording[key]), ...Object.values(wording.escalation).flatMap((audience) => Object.values(audience))];

  it('no engine file says one of these texts in its own words', () => {
    // Long texts anywhere in a file (a line of a many-line text counts alone), with their placeholders cut out.
    const fragments = texts.flatMap((t) => t.split(/\{[^}]*\}|\n/)).filter((f) => f.trim().length >= 25);
    expect(fragments.length).toBeGreaterThan(60);
    // The reasons the bot gives for a fact ("Since you said …, I took …") are among them.
    expect(fragments).toEqual(expect.arrayContaining(['the error page you pasted shows error ', 'you said you are visiting a site you do not run', ', the data center that served it', 'the page you pasted has no Cloudflare branding (it names ']));
    const inline = code.flatMap(({ file, text }) => fragments.filter((f) => text.includes(f)).map((f) => `${file}: ${f}`));
    expect(inline).toEqual([]);
  });

  it('no engine file has a short one of these texts as a string of its own', () => {
    // "URL check", "Note:", "Is Cloudflare down?": too short to look for anywhere, unmistakable as a whole quoted string.
    // A bare word ("chat", "No") is as likely a key or an enum value in code, so only texts of two words or with punctuation count.
    const short = texts.filter((t) => !/[{}\n]/.test(t) && t.trim().length < 25 && !/^\w+$/.test(t));
    expect(short).toEqual(expect.arrayContaining(['Is Cloudflare down?', 'Cloudflare Status', 'URL check', 'Note:', 'you said']));
    // A whole string literal: not a quote inside a comment or a longer string ('"Did that solve it?" answers').
    const literal = (t: string) => new RegExp(`(?<![\\w'"\`])(['"\`])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1(?![\\w'"\`])`);
    const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
    const inline = code.flatMap(({ file, text }) => short.filter((t) => literal(t).test(withoutComments(text))).map((t) => `${file}: ${t}`));
    expect(inline).toEqual([]);
  });
});
