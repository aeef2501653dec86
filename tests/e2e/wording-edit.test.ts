import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as kbLint } from '../../adapters/cli/commands/kb-lint.ts';
import { loadConfig } from '../../src/config.ts';
import { createEngine, type RunningEngine } from '../../src/create-engine.ts';
import { createLogger } from '../../src/log.ts';
import { REPO_ROOT } from '../knowledge-paths.ts';
import { allText, conversation } from '../support/engine.ts';

const SHIPPED_THANKS = 'You are welcome! If anything else breaks, just describe it here.';
const NEW_THANKS = 'De rien ! Si autre chose casse, décrivez-le ici.';

/** A maintainer's path: edit knowledge/wording.yaml, nothing else, and the bot says it. */
describe('changing a reply text in knowledge/wording.yaml only', () => {
  const temp = mkdtempSync(join(tmpdir(), 'cfbot-wording-'));
  const dir = join(temp, 'knowledge');
  cpSync(join(REPO_ROOT, 'knowledge'), dir, { recursive: true });
  const file = join(dir, 'wording.yaml');
  const original = readFileSync(file, 'utf8');
  let engine: RunningEngine;
  beforeAll(async () => {
    engine = await createEngine({ config: loadConfig({ DATA_DIR: join(temp, 'data'), KNOWLEDGE_DIR: dir, LOG_LEVEL: 'silent' }), logger: createLogger('silent') });
  });
  afterAll(async () => {
    await engine.close();
    rmSync(temp, { recursive: true, force: true });
  });

  it('is what the bot says after a reload', async () => {
    expect(allText(await conversation(engine, 'before').say('thanks'))).toContain(SHIPPED_THANKS);
    writeFileSync(file, original.replace(SHIPPED_THANKS, NEW_THANKS));
    expect(await engine.reloadKnowledge()).toMatchObject({ ok: true, from: 'files' });
    expect(allText(await conversation(engine, 'after').say('thanks'))).toContain(NEW_THANKS);
  });

  it('a misspelt placeholder is refused naming the file and the key; the bot keeps its previous words', async () => {
    writeFileSync(file, original.replace(SHIPPED_THANKS, NEW_THANKS).replace('like {found} from', 'like {fund} from'));
    const result = await engine.reloadKnowledge();
    expect(result).toEqual({ ok: false, file, reason: 'removedSecrets: uses {fund}, which the bot does not fill in (this text has {found}); removedSecrets: must use {found}' });
    expect(allText(await conversation(engine, 'during').say('thanks'))).toContain(NEW_THANKS);
  });

  it('kb lint names the same problem as file: key: reason and exits 1', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await kbLint([dir], { out: (l) => out.push(l), err: (l) => err.push(l) });
    expect(code).toBe(1);
    expect(out).toEqual([`${file}: removedSecrets: uses {fund}, which the bot does not fill in (this text has {found})`, `${file}: removedSecrets: must use {found}`]);
    expect(err.at(-1)).toBe('2 problems in 1 file(s)');
  });

  it('a start-up on the broken file stops naming the key', async () => {
    await expect(createEngine({ config: loadConfig({ DATA_DIR: join(temp, 'data-2'), KNOWLEDGE_DIR: dir, LOG_LEVEL: 'silent' }), logger: createLogger('silent'), store: 'memory' })).rejects.toThrow(/wording\.yaml is invalid:\n {2}removedSecrets: uses \{fund\}/);
  });
});
