/**
 * `chat --json` reads one line per turn. A line that is a JSON string
 * literal ("\"line one\\nline two\"") is decoded, so a script can send a
 * multi-line paste as one turn; any other line is taken as typed.
 */
export function decodeJsonLine(line: string): string {
  const trimmed = line.trim();
  if (!(trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"'))) return line;
  try {
    const value: unknown = JSON.parse(trimmed);
    return typeof value === 'string' ? value : line;
  } catch {
    return line;
  }
}
