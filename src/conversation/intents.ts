import { words } from '../retrieval/tokenize.ts';

/**
 * Conversation-level intents that work at any point, whatever tree is
 * running: start over, talk to a human, and yes/no to "Did that solve it?".
 */

const RESTART = [/^(?:start|begin) (?:over|again)$/, /^restart$/, /^reset$/, /^new question$/, /^start from scratch$/, /^cancel$/];
const HUMAN = [/\b(?:talk|speak|chat) (?:to|with) (?:a |an )?(?:human|person|agent|someone|support|staff|moderator)\b/, /^(?:human|agent|escalate|escalation)$/, /\bopen a case for me\b/, /\bescalate (?:this|it|me)\b/, /\breal person\b/];
const YES = /^(?:y|yes|yep|yeah|yup|it did|that did it|solved|fixed|it works|works now|that worked|it worked|resolved|thanks that fixed it|thank you)$/;
const NO = /^(?:n|no|nope|nah|not really|it didnt|didnt help|still broken|not solved|not fixed|still not working|still failing|no luck|it did not|did not help)$/;

function normalized(text: string): string {
  return words(text).join(' ');
}

export function wantsRestart(text: string): boolean {
  const t = normalized(text);
  return RESTART.some((re) => re.test(t));
}

export function wantsHuman(text: string): boolean {
  const t = normalized(text);
  return HUMAN.some((re) => re.test(t));
}

/** "yes"/"no" to "Did that solve it?"; undefined for anything else. */
export function solvedAnswer(text: string): boolean | undefined {
  const t = normalized(text).replace(/\b(?:thanks|thank you|it|please)\b/g, '').replace(/\s+/g, ' ').trim() || normalized(text);
  if (YES.test(t) || YES.test(normalized(text))) return true;
  if (NO.test(t) || NO.test(normalized(text))) return false;
  return undefined;
}

const GREETING = /^(?:hi|hello|hey|hiya|yo|good (?:morning|afternoon|evening)|greetings)(?: there| all| everyone| bot)?$/;
const HELP = /^(?:help|usage|what can you do|how does this work|how do i use (?:this|you)|commands|menu)$/;
const THANKS = /^(?:thanks|thank you|thx|ty|cheers|thanks a lot|many thanks|thank you so much|great thanks|ok thanks|perfect thanks)$/;

export type SmallTalk = 'greeting' | 'help' | 'thanks';

/** Messages that are about the conversation, not a problem: they get a short human reply, not a search. */
export function smallTalk(text: string): SmallTalk | undefined {
  const t = normalized(text);
  if (GREETING.test(t)) return 'greeting';
  if (HELP.test(t)) return 'help';
  if (THANKS.test(t)) return 'thanks';
  return undefined;
}
