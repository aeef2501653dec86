import type { Reply, TranscriptEntry, Turn } from './seam.ts';

/** Each transcript line is cut to this many characters: enough for a moderator to follow, not a second copy of every paste. */
export const TRANSCRIPT_TEXT_LIMIT = 600;

/** The transcript after one turn: what the user said (as stored, never raw), then each reply. */
export function appendTurn(transcript: readonly TranscriptEntry[], turn: Turn, userText: string | undefined, replies: readonly Reply[], at: string): TranscriptEntry[] {
  const said = userText !== undefined ? userText.slice(0, TRANSCRIPT_TEXT_LIMIT) : describeInput(turn);
  return [
    ...transcript,
    { role: 'user', text: said, at },
    ...replies.map((r): TranscriptEntry => ({ role: 'bot', text: `${r.title ? `${r.title}: ` : ''}${r.text}`.slice(0, TRANSCRIPT_TEXT_LIMIT), at })),
  ];
}

function describeInput(turn: Turn): string {
  const { input } = turn;
  // Text that never reached the engine (empty) is not stored as typed: it could hold anything.
  if (input.kind === 'text') return '(empty message)';
  if (input.kind === 'choice') return `[chose ${input.choiceId}]`;
  return `[/${input.name}${Object.entries(input.args).map(([k, v]) => ` ${k}:${v}`).join('')}]`;
}
