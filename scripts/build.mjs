// `npm run build` (also run by `npm ci` through `prepare`): bundles each entry point with esbuild
// into dist/ (our code and the small pure-JS packages in a few files), so a start loads a handful
// of modules instead of several hundred. Type checking is `npm run typecheck`'s job, not this one's.
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import process from 'node:process';

let build;
try {
  ({ build } = await import('esbuild'));
} catch {
  // `npm ci --omit=dev` still runs `prepare`; without the dev dependencies there is nothing to
  // build with, and failing the install would help nobody (scripts/launch.mjs says what to do).
  process.stderr.write('build: esbuild (a dev dependency) is not installed; dist/ was not built.\n');
  process.exit(0);
}

const root = resolve(import.meta.dirname, '..');
// The engine thread's entry is its own file, loaded by adapters/engine-thread/engine-thread.ts.
export const ENTRY_POINTS = ['adapters/main.ts', 'adapters/cli/main.ts', 'adapters/discord/deploy-commands.ts', 'adapters/engine-thread/engine-worker.ts'];

rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ENTRY_POINTS,
  outbase: 'adapters',
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Small pure-JS packages are bundled (fewer files to resolve at start); native, large or lazily
  // loaded ones stay in node_modules.
  external: ['better-sqlite3', 'discord.js', '@slack/bolt', 'ioredis', 'pino', 'prom-client', 'undici', 'uplot', 'esbuild', 'tsx', 'playwright-core'],
  sourcemap: 'linked',
  // Bundled CommonJS packages call require(); ESM output has none unless we make one.
  banner: { js: "import { createRequire as __cjsRequire } from 'node:module'; const require = __cjsRequire(import.meta.url);" },
  logLevel: 'warning',
});
// scripts/launch.mjs runs dist/ only while this stamp is newer than every source file.
writeFileSync(join(root, 'dist', '.built'), `${new Date().toISOString()}\n`);
