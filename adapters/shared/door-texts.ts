/** What every door says itself when the engine cannot (answers come from the engine). */
export const doorTexts = {
  apology: 'Sorry, something went wrong on my side while answering. Please try again in a minute.',
  restarting: 'The bot is restarting. Please try again in a minute.',
} as const;

/** The expiry notice, naming the way this door asks again (Discord: "/ask"). */
export function expiredText(askAgainWith?: string): string {
  return askAgainWith ? `This conversation expired, ask again with ${askAgainWith}.` : 'This conversation expired, ask again.';
}
