import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Where a command writes: stdout for results, stderr for diagnostics (so `--json` output stays parseable). */
export type CommandIo = { out(line: string): void; err(line: string): void };

// A reader that stops early (`| head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

export const processIo: CommandIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export type Command = (args: string[], io: CommandIo) => Promise<number>;

/**
 * A command's flags through `node:util` parseArgs. An unknown flag or a flag
 * missing its value is reported with the usage line (undefined: exit 2), not ignored.
 */
export function readArgs<const O extends OptionsConfig>(args: string[], options: O, io: CommandIo, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`${(error as Error).message}\n${usage}`);
    return undefined;
  }
}

/**
 * readArgs for a command that cannot run without its subject (a question, a file, a tree id):
 * without one, the usage line (undefined: exit 2). The subject is the first positional unless
 * `subjectOf` says otherwise.
 */
export function readArgsWithSubject<const O extends OptionsConfig>(args: string[], options: O, io: CommandIo, usage: string, subjectOf: (positionals: string[]) => string | undefined = (p) => p[0]) {
  const parsed = readArgs(args, options, io, usage);
  if (!parsed) return undefined;
  const subject = subjectOf(parsed.positionals);
  if (!subject) {
    io.err(usage);
    return undefined;
  }
  return { values: parsed.values, subject };
}
