import type { EscalationAudience } from './seam.ts';

/**
 * User-facing wording the doors render but do not choose: one place a
 * translator or maintainer can read and change without touching a door.
 */

/** Heading and button label of an escalation, per audience; a Record so a new audience fails typecheck here. */
export const ESCALATION_WORDING: Record<EscalationAudience, { heading: string; actionLabel: string }> = {
  'cloudflare-support': { heading: 'Open a support case', actionLabel: 'Open a support case' },
  'site-owner': { heading: 'Contact the site owner', actionLabel: 'Who to contact' },
  'hosting-provider': { heading: 'Contact your hosting provider', actionLabel: 'What to send them' },
};

/** The "Did that solve it?" answers. */
export const SOLVED_WORDING = { yes: 'Yes, solved', no: 'No, still broken' } as const;

/** What the conversation engine says in its own words (answers themselves come from the knowledge). */
export const WORDING = {
  restarted: 'Started over. What is going wrong? You can paste the error page, an error code, a Ray ID or your `cdn-cgi/trace` output.',
  unreadable: 'I could not read that message. Please type your question again.',
  welcomeBack: 'Welcome back — picking up where we left off.',
  expiredChoice: (minutes: number) => `This conversation expired after ${minutes} minutes without activity. Ask your question again and I will start fresh.`,
  expiredFresh: (minutes: number) => `Our previous conversation expired after ${minutes} minutes without activity, so I am starting fresh.`,
  engineApology: 'Sorry, something went wrong on my side while answering. Please try again, or say "talk to a human".',
  lastSuggested: (topic: string) => `Last time I suggested: **${topic}**. Did that solve it?`,
  stepsAbove: 'the steps above',
  whichMatches: 'Which of these matches your problem?',
  readFirstPart: 'Your message was very long, so I read only the first part of it.',
  removedSecrets: (found: string) => `I removed what looked like ${found} from your message and did not store it. Never share passwords, API keys or private keys — not here and not in a support case. If it was real, rotate it now.`,
  didThatSolveIt: 'Did that solve it?',
  leftFlow: (title: string) => `That looks like a new question, so I have left the “${title}” steps.`,
  tookAs: (because: string | undefined, question: string, answer: string) => `Since ${because}, I took “${question}” as **${answer}**.`,
  pickAnOption: 'Please pick one of the options above, or say "start over".',
  didNotCatch: (question: string) => `I did not catch that. ${question}\n\nPick an option, or say "start over" or "talk to a human".`,
  gladSolved: 'Glad that solved it — thanks for letting me know! Ask again any time.',
  languageNote: (language: string) => `(${language} detected: I answer in English, the language of Cloudflare's docs.)`,
  notedWhatSymptom: (notes: string) => `Thanks, I noted that: ${notes}. What error or symptom do you see?`,
  outsideScope: (topic: string, pointer: string) => `That is outside what I know: ${topic}. ${pointer}`,
  notInDocs: 'I could not find this in Cloudflare’s troubleshooting docs, and I would rather not guess.',
  askCommunity: (communityUrl: string) => `You can ask the community at ${communityUrl} or hand this to a human.`,
  talkToHuman: 'Talk to a human',
  startOver: 'Start over',
  notSureWhich: 'I am not sure which article answers this. These look closest: did one of them help?',
  noneOfThese: 'None of these: talk to a human',
  describeError: 'I could not find anything on that. Could you describe the error you see?',
  blogPost: 'This is covered in a Cloudflare blog post rather than the support docs.',
  usage: 'Tell me what is going wrong: an error code (522, 1020, 526…), what the page says ("web server is down", "you have been blocked"), or paste the error page, a Ray ID or your `cdn-cgi/trace` output. I answer from Cloudflare’s troubleshooting docs with links, walk you through the checks, and if we get stuck I prepare a support case with everything we found. Say "start over" or "talk to a human" at any time.',
  greeting: (usage: string) => `Hi! ${usage}`,
  welcome: 'You are welcome! If anything else breaks, just describe it here.',
  handedOffBy: (moderator: string) => `Handed off by a moderator (${moderator}).`,
  staleChoice: 'That option is from an earlier step or an expired conversation, so I cannot use it. Ask your question again and I will start fresh.',
} as const;
