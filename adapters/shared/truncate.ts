export type TruncateOptions = {
  /** A piece the cut must not leave half of at the end (Slack: a half `&amp;`), removed whole instead. */
  partialTail?: RegExp;
};

/** Cuts text to at most `max` characters, ending with an ellipsis when something was cut. */
export function truncate(text: string, max: number, options: TruncateOptions = {}): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${options.partialTail ? cut.replace(options.partialTail, '') : cut}…`;
}
