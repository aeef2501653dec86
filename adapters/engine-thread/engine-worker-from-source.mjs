// The engine thread run from the TypeScript source (tests, `npm run dev`, a checkout not yet built).
// A worker thread does not inherit the parent's `--import tsx`, so it registers tsx's loader itself,
// then loads the worker. A build runs dist/engine-thread/engine-worker.js instead.
const { register } = await import('tsx/esm/api');
register();
await import('./engine-worker.ts');
