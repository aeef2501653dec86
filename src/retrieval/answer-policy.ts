import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Answer, suggest or abstain: a small, explainable decision over a few
 * features of a search, with its parameters fitted on labelled questions
 * (`npm run fit:policy` writes knowledge/answer-policy.json) rather than
 * tuned by hand until each sentence passes.
 *
 * Order of the rules, each with its reason:
 * 1. A Cloudflare code (1xxx, 10xxx, 52x) stated in an error context answers,
 *    except an API code (10xxx) in a message about a product out of scope.
 * 2. A topic the knowledge declares out of scope abstains with a pointer,
 *    even with a plain HTTP status in it ("R2 returns 500").
 * 3. Any other code stated in an error context answers; a code stated that
 *    no page knows ("Error code: 600010"), with no phrase hint, abstains.
 * 4. Otherwise the text decides: `covered` (is this about something the docs
 *    cover at all?) below its threshold abstains; `confident` (is the best
 *    page the answer?) below its threshold offers the best pages as
 *    suggestions. A phrase hint from synonyms.yaml counts as confident when
 *    the message is tied to sites, the web or Cloudflare (`anchored`).
 */
export type AnswerOutcome = 'answer' | 'suggest' | 'abstain';

export type AnswerFeatures = {
  /** A known error code was stated in an error context. */
  pinned: boolean;
  /** The pinned code is Cloudflare's own (1xxx, 10xxx, 52x, 530), not a status any server returns. */
  specificCode: boolean;
  /** Every pinned code is a Cloudflare API error code (10xxx), which any product's API returns. */
  apiCode: boolean;
  /** A phrase from synonyms.yaml named a page or code. */
  hinted: boolean;
  outOfScope: boolean;
  /** Best page's combined BM25 score over the words the docs know. */
  bestScore: number;
  /** How far the best page leads the next one, 0..1. */
  lead: number;
  /** Share of the informative typed words the best page meets, unknown words left out. */
  coverage: number;
  /** The best page is about (title, description, headings) a word the user typed. */
  about: boolean;
  /** A quoted message, a stated symptom or an explicit code is present. */
  errorSignal: boolean;
  /** How many typed words the docs know. */
  knownTerms: number;
  /** An error code was stated that no page knows (another product's code), and no known one. */
  onlyUnknownCode: boolean;
  /** Share of the typed words the docs have never seen (names, products, other topics). */
  unknownShare: number;
  /**
   * The message ties itself to sites, the web or Cloudflare: a word from scope.yaml's anchors, a
   * URL, hostname or Ray ID, or an explicitly stated code. Without it a printer or an installer's
   * "Access denied" reads like a docs question on word overlap alone.
   */
  anchored: boolean;
};

export const FEATURE_NAMES = ['logBestScore', 'lead', 'coverage', 'about', 'errorSignal', 'logKnownTerms', 'unknownShare', 'anchored'] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
/** Features a policy file written before them may lack. */
const ADDED_LATER: ReadonlySet<FeatureName> = new Set(['anchored']);

export function featureVector(f: AnswerFeatures): Record<FeatureName, number> {
  return {
    logBestScore: Math.log1p(f.bestScore),
    lead: f.lead,
    coverage: f.coverage,
    about: f.about ? 1 : 0,
    errorSignal: f.errorSignal ? 1 : 0,
    logKnownTerms: Math.log1p(f.knownTerms),
    unknownShare: f.unknownShare,
    anchored: f.anchored ? 1 : 0,
  };
}

const logisticSchema = z.object({
  bias: z.number(),
  // A policy fitted before a feature existed gave it no weight: features added later default to 0.
  weights: z.object(Object.fromEntries(FEATURE_NAMES.map((n) => [n, ADDED_LATER.has(n) ? z.number().default(0) : z.number()])) as Record<FeatureName, z.ZodNumber>),
  /** Probability at or above which the model says yes. */
  threshold: z.number().min(0).max(1),
});
export type LogisticModel = z.infer<typeof logisticSchema>;

export const answerPolicySchema = z.object({
  covered: logisticSchema,
  confident: logisticSchema,
  /** Where the parameters came from: the sets, and accuracy on them and under cross-validation. */
  fitted: z.object({ on: z.array(z.string()), questions: z.number(), trainAccuracy: z.number(), crossValidatedAccuracy: z.number(), folds: z.number() }).optional(),
});
export type AnswerPolicy = z.infer<typeof answerPolicySchema>;

export class AnswerPolicyError extends Error {}

export function loadAnswerPolicy(file: string): AnswerPolicy {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AnswerPolicyError(`${file}: ${(error as Error).message}`);
  }
  const parsed = answerPolicySchema.safeParse(json);
  if (!parsed.success) throw new AnswerPolicyError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export function probability(model: Omit<LogisticModel, 'threshold'>, features: AnswerFeatures): number {
  const x = featureVector(features);
  let z = model.bias;
  for (const name of FEATURE_NAMES) z += model.weights[name] * x[name];
  return 1 / (1 + Math.exp(-z));
}

export function decideOutcome(policy: AnswerPolicy, f: AnswerFeatures): AnswerOutcome {
  // An API error code (10xxx) from a product the docs do not cover (a wrangler deploy) is that product's.
  if (f.pinned && f.specificCode && !(f.apiCode && f.outOfScope)) return 'answer';
  if (f.outOfScope) return 'abstain';
  if (f.pinned) return 'answer';
  if (f.knownTerms === 0 && !f.hinted) return 'abstain';
  if (f.onlyUnknownCode && !f.hinted) return 'abstain';
  // A phrase hint answers a message about sites or Cloudflare; without that tie it must convince the models.
  if (f.hinted && f.anchored) return 'answer';
  if (probability(policy.covered, f) < policy.covered.threshold) return 'abstain';
  return probability(policy.confident, f) >= policy.confident.threshold ? 'answer' : 'suggest';
}
