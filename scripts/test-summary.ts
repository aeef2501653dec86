import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Prints vitest's totals as one plain "N passed, N failed" line, the closing
 * line CI reads in any language; exits non-zero if the report is missing.
 */
const report = z.object({ numPassedTests: z.number(), numFailedTests: z.number(), numPendingTests: z.number(), numTodoTests: z.number().default(0) });
const file = process.argv[2] ?? 'data/vitest-report.json';
try {
  const r = report.parse(JSON.parse(readFileSync(file, 'utf8')));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exitCode = r.numFailedTests > 0 || r.numPassedTests === 0 ? 1 : 0;
} catch (error) {
  console.error(`no vitest report at ${file}: ${(error as Error).message}`);
  process.exitCode = 1;
}
