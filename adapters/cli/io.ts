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

/** `--flag` present? Removes nothing; commands read positionals with `positionals`. */
export function hasFlag(args: string[], flag: string): boolean {
  return args.includes(flag);
}

export function positionals(args: string[]): string[] {
  return args.filter((a) => !a.startsWith('--'));
}
