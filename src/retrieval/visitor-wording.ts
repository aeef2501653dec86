/**
 * How visitors describe a site they do not run: "I can't open example.com",
 * "it isn't my site", "on a shop's website", a pasted "Sorry, you have been
 * blocked … You are unable to access" page. Anything said about "my"/"our"
 * site is left to the owner hints, so "I can't open my site" stays an owner's.
 */

const SITE = String.raw`(?:web ?)?(?:site|page|shop|store)`;
const SOMEONE_ELSES_SITE = String.raw`(?:(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,24}\b|(?:a|an|the|this|that|some|any|their|his|her|certain)\s+(?:[\w-]+'s\s+|[\w-]+\s+)?${SITE}s?\b)`;

const PATTERNS: readonly RegExp[] = [
  // "I can't open example.com", "unable to access a shop's website", "cannot get into this site"
  // (not "my visitors can't open the site": that is an owner speaking)
  new RegExp(String.raw`(?<!\b(?:visitors?|users?|customers?|people|members|they|clients?)\s+)\b(?:can'?t|cannot|can not|unable to|couldn'?t|could not|not able to)\s+(?:open|access|visit|reach|load|use|get\s+(?:in\s?to|on\s?to|to))\s+(?!my\b|our\b)${SOMEONE_ELSES_SITE}`, 'i'),
  // A challenge page that never lets the browser through is what a visitor sees.
  /\bchecking\s+(?:your|the|my)\s+browser\b|\bverify(?:ing)?\s+(?:that\s+)?(?:you\s+are|you'?re)\s+(?:a\s+)?human\b/i,
  // "on a shop's website", "on some website", "on my bank's site" (someone else's, even with "my")
  new RegExp(String.raw`\bon\s+(?:a|an|some|this|that|the|my|our)\s+[\w-]+'s\s+${SITE}\b|\bon\s+(?:a|some|certain)\s+(?:[\w-]+\s+)?${SITE}s?\b`, 'i'),
  // A pasted Cloudflare block page as a visitor sees it.
  /\bsorry,?\s+you\s+have\s+been\s+blocked\b[\s\S]{0,600}?\byou\s+are\s+unable\s+to\s+access\b/i,
  // "why am I blocked from a site", "I get blocked from example.com"
  new RegExp(String.raw`\bwhy\s+(?:am\s+i|do\s+i\s+get|i'?m|i\s+am)\s+(?:being\s+|getting\s+)?blocked\b|\bblocked\s+(?:from|on)\s+(?!my\b|our\b)${SOMEONE_ELSES_SITE}`, 'i'),
];

/** "it isn't my site", "this is not our website", "I don't own the site", "I'm not the owner": outweighs any "my site" nearby. */
const DENIES_OWNING: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:it|this|that)(?:'s|\s+is)?\s*(?:not|isn'?t)\s+(?:my|our)\s+(?:own\s+)?${SITE}\b`, 'i'),
  /\bi\s+(?:don'?t|do not)\s+(?:own|run|manage)\s+(?:the|this|that|it)\b|\bi(?:'?m| am) not the (?:site |website )?owner\b/i,
];

export function deniesOwning(text: string): boolean {
  const t = text.replace(/[’‘]/g, "'");
  return DENIES_OWNING.some((re) => re.test(t));
}

export function saysVisitor(text: string): boolean {
  const t = text.replace(/[’‘]/g, "'");
  return PATTERNS.some((re) => re.test(t));
}
