import { z } from 'zod';
import { escalationAudienceSchema, type EscalationAudience } from '../conversation/seam.ts';
import { checkYamlFile, loadYamlFile, type DataFileProblem } from './load-yaml-file.ts';

/**
 * knowledge/wording.yaml: every sentence the engine says in its own words, so
 * a maintainer or translator changes or adds one without touching code. This
 * table is the contract: each text and the {placeholders} it must use. The
 * file is checked against it at load, so a missing text, an unknown key or a
 * misspelt placeholder stops start-up (and `kb lint`) naming the key.
 */
export const TEXT_PLACEHOLDERS = {
  unreadable: [],
  engineApology: [],
  expiredChoice: ['minutes'],
  expiredFresh: ['minutes'],
  staleChoice: [],
  welcomeBack: [],
  readFirstPart: [],
  removedSecrets: ['found'],
  languageNote: ['language'],
  notedWhatSymptom: ['notes'],
  usage: [],
  greeting: ['usage'],
  welcome: [],
  restarted: [],
  didThatSolveIt: [],
  solvedYes: [],
  solvedNo: [],
  gladSolved: [],
  notSolvedAnswer: [],
  lastSuggested: ['topic'],
  stepsAbove: [],
  whichMatches: [],
  notSureWhich: [],
  noneOfThese: [],
  describeError: [],
  blogPost: [],
  notInDocs: [],
  outsideScope: ['topic', 'pointer'],
  askCommunity: ['communityUrl'],
  talkToHuman: [],
  startOver: [],
  leftFlow: ['title'],
  tookAs: ['because', 'question', 'answer'],
  pickAnOption: [],
  didNotCatch: ['question'],
  goToFlow: ['title'],
  followedDocsPage: ['title'],
  firstMessage: ['quote'],
  handedOffBy: ['moderator'],
  caseFilled: [],
  findTheOwner: [],
  rateLimitUser: ['seconds'],
  rateLimitPlace: ['seconds'],
  statusTitle: [],
  statusPageTitle: [],
  statusCheckFirst: ['host', 'url', 'servedBy'],
  statusServedBy: ['colo'],
  statusHowToTell: [],
  checkUrlLabel: ['host'],
  urlChecksOff: [],
  urlCheckTitle: [],
  urlCheckFrom: [],
  caseProblemCodeAndTitle: ['code', 'title'],
  caseProblemTitle: ['title'],
  caseProblemCode: ['code'],
  caseProblemUnknown: [],
  caseDetails: [],
  caseStepsTaken: [],
  caseTried: [],
  caseNote: [],
  caseNextStep: ['step'],
  caseFromEarlier: [],
  nextCheckStatus: ['statusUrl', 'advice'],
  nextCommunity: ['community', 'discord'],
  nextNoCase: ['plan', 'community'],
  nextNoCaseLimited: ['plan', 'topics', 'community'],
  nextCase: ['plan', 'caseUrl'],
  nextCaseOrChat: ['plan', 'caseUrl'],
  nextPhone: [],
  nextByPlan: ['plans', 'caseUrl', 'community', 'discord'],
  planCommunity: ['plan'],
  planCommunityLimited: ['plan', 'topics'],
  planChannels: ['plan', 'channels'],
  channelCase: [],
  channelChat: [],
  channelPhone: [],
  listAnd: ['items', 'last'],
  listOr: ['items', 'last'],
  visitorHello: [],
  visitorHelloSaw: ['saw'],
  visitorSawCode: ['code'],
  visitorSawCodeAndTitle: ['code', 'title'],
  visitorWhatISaw: [],
  visitorWhatITried: [],
  visitorRayIdGap: [],
  visitorTimeGap: [],
  visitorIpGap: [],
  visitorAskBlocked: [],
  visitorAskServer: [],
  visitorAskAny: [],
  visitorThanks: [],
  factErrorCode: ['codes', 'source'],
  factErrorCodes: ['codes', 'source'],
  factRayId: ['rayId'],
  factUrl: ['url'],
  factHostname: ['hostnames'],
  factTimeUtc: ['time', 'wrote'],
  factStartedUtc: ['time', 'wrote'],
  factYouWrote: ['text'],
  factStartedNoZone: ['time'],
  factTimeNoZone: ['time'],
  factColo: ['colo', 'source'],
  factTrace: ['fields'],
  factBranded: ['source'],
  factUnbranded: ['source'],
  factPlan: ['plan', 'source'],
  factSslMode: ['mode', 'source'],
  factCloudflaredRunning: ['source'],
  factCloudflaredStopped: ['source'],
  factSource: ['label'],
  fromTrace: [],
  fromPastedPage: [],
  fromBotCheck: [],
  fromRayId: [],
  fromPasted: [],
  fromSystemctl: [],
  fromYouSaid: [],
  fromAnsweredEarlier: [],
  becauseCodeOnPage: ['code'],
  becauseCodeMentioned: ['code'],
  becauseTracePasted: [],
  becauseTraceColo: ['colo'],
  becauseRayIdColo: ['colo'],
  becauseTimeSaid: ['time'],
  becauseTimeUtc: ['time', 'utc'],
  becauseTimeUtcAssumed: ['time', 'utc'],
  becauseTimeNoZone: ['time'],
  becauseVisitorSaid: [],
  becauseOwnerSaid: [],
  becausePlanSaid: ['plan'],
  becauseNoLongerWorded: [],
  becauseSslModeSaid: ['mode'],
  becauseSystemctl: ['active'],
  becauseCloudflaredRunningSaid: [],
  becauseCloudflaredStoppedSaid: [],
  becauseBrandedSaid: [],
  becauseUnbrandedSaid: [],
  becauseBrandedPage: ['markers'],
  becauseUnbrandedPage: ['server'],
  becauseStatement: ['phrase'],
  becauseAnsweredEarlier: ['answer'],
  becauseAnsweredInTree: ['answer'],
  becauseBranded: [],
  becauseUnbranded: [],
  becauseVisitor: [],
  becauseOwner: [],
  becauseColo: ['colo'],
  becauseCheckCode: ['url', 'code'],
  becauseCheckColo: ['url', 'colo'],
  becauseCheckBranded: ['url'],
  becauseCheckUnbranded: ['url'],
  becauseCheckSaw: ['url', 'status'],
  becauseCheckNoAnswer: ['url'],
} as const satisfies Record<string, readonly string[]>;

export type TextKey = keyof typeof TEXT_PLACEHOLDERS;
type PlaceholderOf<K extends TextKey> = (typeof TEXT_PLACEHOLDERS)[K][number];
/** A text's values, one per placeholder; none for a text without placeholders. */
export type ValuesOf<K extends TextKey> = [PlaceholderOf<K>] extends [never] ? [] : [Record<PlaceholderOf<K>, string | number | undefined>];

/** `{name}`: a placeholder the bot fills in. */
const PLACEHOLDER = /\{([^{}\s]*)\}/g;

function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

function listed(names: readonly string[]): string {
  return names.map((n) => `{${n}}`).join(', ');
}

/** One text: present, non-empty, and using exactly its placeholders. */
function textSchema(placeholders: readonly string[]) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'missing: write this text' : 'must be a text, not a list or a mapping') })
    .refine((text) => text.trim() !== '', 'is empty')
    .superRefine((text, ctx) => {
      const used = placeholdersIn(text);
      const unknown = [...new Set(used.filter((name) => !placeholders.includes(name)))];
      if (unknown.length) {
        const has = placeholders.length ? `this text has ${listed(placeholders)}` : 'this text takes no placeholders';
        ctx.addIssue({ code: 'custom', message: `uses ${listed(unknown)}, which the bot does not fill in (${has})` });
      }
      const missing = placeholders.filter((name) => !used.includes(name));
      if (missing.length) ctx.addIssue({ code: 'custom', message: `must use ${listed(missing)}` });
    });
}

const textsShape = Object.fromEntries(Object.entries(TEXT_PLACEHOLDERS).map(([key, names]) => [key, textSchema(names)])) as {
  [K in TextKey]: ReturnType<typeof textSchema>;
};

const audienceWordingSchema = z.strictObject({
  /** The reply's title. */
  title: textSchema([]),
  /** The reply's opening when the tree step gives none. */
  lead: textSchema([]),
  /** What doors show above the case (seam: Escalation.heading). */
  heading: textSchema([]),
  /** The case button (seam: Escalation.actionLabel). */
  actionLabel: textSchema([]),
});
export type AudienceWording = z.infer<typeof audienceWordingSchema>;

const escalationShape = Object.fromEntries(escalationAudienceSchema.options.map((audience) => [audience, audienceWordingSchema])) as Record<EscalationAudience, typeof audienceWordingSchema>;

export const wordingSchema = z.strictObject({
  ...textsShape,
  escalation: z.strictObject(escalationShape, { error: (issue) => (issue.input === undefined ? 'missing: write the wording for each audience' : undefined) }),
});
export type Wording = z.infer<typeof wordingSchema>;

export const WORDING_FILE = 'wording.yaml';

/** Reads and checks knowledge/wording.yaml; throws naming the file and every key that is wrong. */
export function loadWording(file: string): Wording {
  return loadYamlFile(file, wordingSchema);
}

/** Every problem in a wording file, for `kb lint` (start-up uses loadWording, which throws). */
export function wordingProblems(file: string): DataFileProblem[] {
  const checked = checkYamlFile(file, wordingSchema);
  return checked.ok ? [] : checked.problems;
}

/** A text with its placeholders filled in: `say(wording, 'expiredFresh', { minutes: 30 })`. */
export function say<K extends TextKey>(wording: Wording, key: K, ...values: ValuesOf<K>): string {
  const filled = values[0] as Record<string, string | number | undefined> | undefined;
  return wording[key].replace(PLACEHOLDER, (whole, name: string) => (filled && name in filled ? String(filled[name]) : whole));
}
