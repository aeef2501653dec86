/**
 * Recall, false redactions and time per message for the redaction rules, over the seeded corpus
 * in tests/fixtures/secrets. `npm run bench:redact`.
 *
 * To compare with secretlint (not a dependency: see README "Secret redaction"), install it in a
 * scratch folder and point SECRETLINT_FROM at that folder's node_modules:
 *   npm install --prefix /tmp/sl @secretlint/core@11.7.1 @secretlint/secretlint-rule-preset-recommend@11.7.1
 *   SECRETLINT_FROM=/tmp/sl/node_modules npm run bench:redact
 * Numbers on a shared machine are noisy: compare medians and ratios from one run.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MAX_INPUT_CHARS } from '../src/safety/input-limits.ts';
import { redactSecrets } from '../src/safety/redact-secrets.ts';
import { buildCorpus, secretKept, type Corpus } from '../tests/fixtures/secrets/corpus.ts';

type Redactor = { name: string; redact(text: string): Promise<string> | string };

type Score = { name: string; secrets: number; kept: number; lookAlikes: number; changed: number; typicalMs: number; p95Ms: number; capMs: number; keptByCategory: Record<string, number> };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timeEach(redactor: Redactor, texts: readonly string[], repeat: number): Promise<number[]> {
  const times: number[] = [];
  for (const text of texts) {
    const started = performance.now();
    for (let i = 0; i < repeat; i++) await redactor.redact(text);
    times.push((performance.now() - started) / repeat);
  }
  return times;
}

/** A message at the input cap made of realistic pastes, the worst honest case. */
function capMessage(corpus: Corpus): string {
  const texts = [...corpus.pastes.map((p) => p.text), ...corpus.lookAlikes.map((l) => l.text)];
  let text = '';
  for (let i = 0; text.length < MAX_INPUT_CHARS; i++) text += `${texts[i % texts.length]}\n`;
  return text.slice(0, MAX_INPUT_CHARS);
}

async function score(redactor: Redactor, corpus: Corpus): Promise<Score> {
  let secrets = 0;
  let kept = 0;
  const keptByCategory: Record<string, number> = {};
  for (const paste of corpus.pastes) {
    const out = await redactor.redact(paste.text);
    for (const secret of paste.secrets) {
      secrets++;
      if (secretKept(out, secret)) {
        kept++;
        keptByCategory[paste.category] = (keptByCategory[paste.category] ?? 0) + 1;
      }
    }
  }
  let changed = 0;
  for (const look of corpus.lookAlikes) if ((await redactor.redact(look.text)) !== look.text) changed++;
  const typical = [...corpus.pastes.map((p) => p.text), ...corpus.lookAlikes.map((l) => l.text)];
  const warm = await timeEach(redactor, typical, 1);
  // A slow redactor gets fewer repeats, so the comparison ends in reasonable time on a shared machine.
  const repeat = median(warm) > 2 ? 1 : 20;
  const times = await timeEach(redactor, typical, repeat);
  const cap = capMessage(corpus);
  const capTimes = await timeEach(redactor, [cap, cap, cap], repeat > 1 ? 5 : 1);
  const sorted = [...times].sort((a, b) => a - b);
  return { name: redactor.name, secrets, kept, lookAlikes: corpus.lookAlikes.length, changed, typicalMs: median(times), p95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? 0, capMs: median(capTimes), keptByCategory };
}

type LintMessage = { range: readonly [number, number] };
type LintSource = (input: { source: { filePath: string; content: string; ext: string; contentType: 'text' }; options: { config: { rules: { id: string; rule: unknown }[] } } }) => Promise<{ messages: LintMessage[] }>;

/** secretlint as a redactor: every reported range becomes a placeholder. */
async function secretlintRedactor(from: string): Promise<Redactor> {
  const load = (name: string) => import(pathToFileURL(path.join(from, name, 'module', 'index.js')).href) as Promise<Record<string, unknown>>;
  const core = await load('@secretlint/core');
  const preset = await load('@secretlint/secretlint-rule-preset-recommend');
  const lintSource = core.lintSource as LintSource;
  const rules = [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: preset.creator }];
  return {
    name: 'secretlint preset-recommend',
    async redact(text) {
      const { messages } = await lintSource({ source: { filePath: '/message.txt', content: text, ext: '.txt', contentType: 'text' }, options: { config: { rules } } });
      let out = text;
      for (const { range } of [...messages].sort((a, b) => b.range[0] - a.range[0])) out = `${out.slice(0, range[0])}[redacted]${out.slice(range[1])}`;
      return out;
    },
  };
}

function print(s: Score): void {
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;
  console.log(`\n${s.name}`);
  console.log(`  recall           ${s.secrets - s.kept}/${s.secrets} secrets removed (${pct(s.secrets - s.kept, s.secrets)}), ${s.kept} kept`);
  console.log(`  false redactions ${s.changed}/${s.lookAlikes} look-alikes changed (${pct(s.changed, s.lookAlikes)})`);
  console.log(`  time             median ${s.typicalMs.toFixed(3)} ms per message, p95 ${s.p95Ms.toFixed(3)} ms, ${s.capMs.toFixed(2)} ms at ${MAX_INPUT_CHARS} chars`);
  if (s.kept) console.log(`  kept by category ${JSON.stringify(s.keptByCategory)}`);
}

/** Inputs built to make regexes backtrack, at the input cap: the slowest must stay within budget too. */
function worstAdversarialMs(): { ms: number; input: string } {
  const n = MAX_INPUT_CHARS;
  const inputs = ['a-', 'a.', 'secret', 'password="', 'token ', 'a=b ', '-----BEGIN PRIVATE KEY-----', 'https://a:', `${'x'.repeat(39)} `, '1 ', 'Authorization ', `${'a'.repeat(20)}\n`, 'Bearer ', 'key: '].map((unit) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n));
  let worst = { ms: 0, input: '' };
  for (const input of inputs) {
    redactSecrets(input);
    const started = performance.now();
    for (let i = 0; i < 5; i++) redactSecrets(input);
    const ms = (performance.now() - started) / 5;
    if (ms > worst.ms) worst = { ms, input: input.slice(0, 20) };
  }
  return worst;
}

const corpus = buildCorpus(Number(process.env.SEED ?? 20261201));
const ours: Redactor = { name: 'our rules (src/safety/redact-rules.ts)', redact: (text) => redactSecrets(text).text };
const results = [await score(ours, corpus)];
if (process.env.SECRETLINT_FROM) {
  const sl = await secretlintRedactor(process.env.SECRETLINT_FROM);
  results.push(await score(sl, corpus));
  results.push(await score({ name: 'our rules + secretlint', redact: async (text) => sl.redact(redactSecrets(text).text) }, corpus));
}
results.forEach(print);
const worst = worstAdversarialMs();
console.log(`\nslowest adversarial input at ${MAX_INPUT_CHARS} chars (our rules): ${worst.ms.toFixed(2)} ms (${JSON.stringify(worst.input)}…)`);
if (results.length > 1) console.log(`\ntime ratio secretlint / ours: ${(results[1]!.typicalMs / results[0]!.typicalMs).toFixed(1)}x typical, ${(results[1]!.capMs / results[0]!.capMs).toFixed(1)}x at the cap`);
const [mine] = results;
if (mine && (mine.typicalMs > 1 || mine.capMs > 10 || worst.ms > 10)) {
  console.error(`\nover budget: ${mine.typicalMs.toFixed(3)} ms typical (<= 1), ${mine.capMs.toFixed(2)} ms at the cap (<= 10)`);
  process.exitCode = 1;
}
