// Runs an entry point (adapters/main, adapters/cli/main) as bundled JavaScript from dist/ when the
// build is newer than every source file, which is the production path (`npm ci` builds it through
// `prepare`); otherwise runs the TypeScript source through tsx, so an edit is never run stale.
// Plain JavaScript on purpose: it must work before anything is compiled.
import { existsSync, readdirSync, statSync } from 'node:fs';
import process from 'node:process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const STAMP = join(root, 'dist', '.built');
const SOURCE_DIRS = ['src', 'adapters'];

function newestSource(dir, newest = 0) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = newestSource(path, newest);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function buildIsFresh() {
  if (!existsSync(STAMP)) return false;
  const built = statSync(STAMP).mtimeMs;
  // An image that ships only dist/ has no sources to be newer than the build.
  return SOURCE_DIRS.every((dir) => !existsSync(join(root, dir)) || newestSource(join(root, dir)) <= built);
}

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/launch.mjs <entry without extension> [args...]\n');
  process.exit(2);
}
// esbuild writes adapters/<x>.ts to dist/<x>.js (see scripts/build.mjs).
const compiled = join(root, 'dist', `${entry.replace(/^adapters\//, '')}.js`);
const fresh = buildIsFresh() && existsSync(compiled);
const target = fresh ? compiled : join(root, `${entry}.ts`);
if (!fresh) {
  try {
    const { register } = await import('tsx/esm/api');
    register();
  } catch {
    process.stderr.write(`The compiled build is missing or older than the sources, and tsx (a dev dependency) is not installed: run \`npm run build\`.\n`);
    process.exit(1);
  }
}
// The entry reads its own arguments from process.argv, as if started directly.
process.argv = [process.argv[0], target, ...args];
await import(pathToFileURL(target).href);
