import { words } from '../retrieval/tokenize.ts';

/**
 * "Is Cloudflare down?" in its many forms: a question about Cloudflare as a
 * whole, or about every site at once, which only the status page answers.
 * One site failing ("my site is down") is not this question: that site has a
 * problem of its own to troubleshoot.
 */

const CLOUDFLARE = String.raw`(?:cloudflare|cf|cloudflares? (?:network|cdn|dns|dashboard|dash|api|services?))`;
const TROUBLE = String.raw`(?:down|dead|broken|offline|out|having (?:an? )?(?:issues?|problems?|outage|incident)|experiencing (?:an? )?(?:issues?|problems?|outage|incident)|working|ok|up)`;

const PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:is|are|isnt|was) ${CLOUDFLARE} (?:\w+ )?${TROUBLE}\b`),
  new RegExp(String.raw`\b${CLOUDFLARE} (?:is |seems |looks |went |goes )?(?:down|dead|broken|offline)\b`),
  new RegExp(String.raw`\b${CLOUDFLARE} (?:outage|incident|status)\b`),
  /\b(?:is|was) there (?:an? |any )?(?:outage|incident|global outage|network issue|ongoing issue|known issue)s?\b/,
  /\b(?:an?|any) (?:cloudflare )?(?:outage|incident) (?:right now|today|currently|at the moment|going on)\b/,
  /\b(?:all|all of|every one of|each of|both|several of|many of) (?:my|our|the) (?:sites|websites|domains|zones|web sites|pages)(?: \w+)? (?:are|is|went|go|have gone|keep going|seem|look) (?:\w+ )?(?:down|offline|unreachable|broken|failing)\b/,
  /\b(?:all|every) (?:my |our )?(?:sites|websites|domains|zones) (?:on|behind) cloudflare (?:are |went |is )?(?:down|offline|unreachable)\b/,
  /\bis it (?:just )?me or (?:is )?cloudflare\b/,
];

export function isStatusQuestion(text: string): boolean {
  const t = words(text).join(' ');
  return PATTERNS.some((re) => re.test(t));
}
