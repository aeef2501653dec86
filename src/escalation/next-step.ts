import type { Plan } from '../conversation/evidence-facts.ts';
import { say, type Wording } from '../knowledge/wording.ts';
import type { CaseTopic, SupportConfig } from './support-config.ts';

/**
 * Where to take the case, by plan, following the channel table on the
 * contacting-cloudflare-support page. A Free plan technical issue goes to
 * the community: a case there is only accepted for billing, account and
 * registrar issues, and sending people to a form that will bounce wastes
 * their time.
 */

export type NextStep = {
  text: string;
  /** False when the advice is "go to the community": there is no case, so no priority to pick. */
  canOpenCase: boolean;
};

type PlanConfig = SupportConfig['plans'][Plan];

function communityAdvice(wording: Wording, support: SupportConfig): string {
  return say(wording, 'nextCommunity', { community: support.links.community, discord: support.links.discord });
}

function canOpenCase(plan: PlanConfig, topic: CaseTopic): boolean {
  if (plan.channels.case === 'yes') return true;
  return plan.channels.case === 'limited' && (plan.caseTopics ?? []).includes(topic);
}

/** Topics a limited plan may open cases for ("billing, account and registrar"), when the plan lists any. */
function limitedTopics(wording: Wording, config: PlanConfig): string | undefined {
  return config.channels.case === 'limited' && config.caseTopics?.length ? listWords(wording, config.caseTopics, 'listAnd') : undefined;
}

function planAdvice(wording: Wording, support: SupportConfig, plan: Plan, caseUrl: string, topic: CaseTopic): NextStep {
  const config = support.plans[plan];
  if (!canOpenCase(config, topic)) {
    const topics = limitedTopics(wording, config);
    const community = communityAdvice(wording, support);
    const text = topics ? say(wording, 'nextNoCaseLimited', { plan: config.label, topics, community }) : say(wording, 'nextNoCase', { plan: config.label, community });
    return { text, canOpenCase: false };
  }
  let text = config.channels.chat === 'yes' ? say(wording, 'nextCaseOrChat', { plan: config.label, caseUrl }) : say(wording, 'nextCase', { plan: config.label, caseUrl });
  if (config.channels.phone === 'yes') text += say(wording, 'nextPhone');
  return { text, canOpenCase: true };
}

/** One line per plan, for when the plan is not known yet. */
function allPlansAdvice(wording: Wording, support: SupportConfig, caseUrl: string, topic: CaseTopic): NextStep {
  const plans: Plan[] = ['free', 'pro', 'business', 'enterprise'];
  const lines = plans.map((plan) => {
    const config = support.plans[plan];
    if (!canOpenCase(config, topic)) {
      const topics = limitedTopics(wording, config);
      return topics ? say(wording, 'planCommunityLimited', { plan: config.label, topics }) : say(wording, 'planCommunity', { plan: config.label });
    }
    const channels = [say(wording, 'channelCase')];
    if (config.channels.chat === 'yes') channels.push(say(wording, 'channelChat'));
    if (config.channels.phone === 'yes') channels.push(say(wording, 'channelPhone'));
    return say(wording, 'planChannels', { plan: config.label, channels: listWords(wording, channels, 'listOr') });
  });
  return {
    text: say(wording, 'nextByPlan', { plans: lines.join('; '), caseUrl, community: support.links.community, discord: support.links.discord }),
    canOpenCase: true,
  };
}

export function nextStep(support: SupportConfig, wording: Wording, plan: Plan | undefined, caseUrl: string, topic: CaseTopic = 'technical'): NextStep {
  const advice = plan ? planAdvice(wording, support, plan, caseUrl, topic) : allPlansAdvice(wording, support, caseUrl, topic);
  return { ...advice, text: say(wording, 'nextCheckStatus', { statusUrl: support.links.status, advice: advice.text }) };
}

function listWords(wording: Wording, words: readonly string[], joined: 'listAnd' | 'listOr'): string {
  if (words.length <= 1) return words.join('');
  const items = words.slice(0, -1).join(', ');
  const last = words[words.length - 1];
  return joined === 'listAnd' ? say(wording, 'listAnd', { items, last }) : say(wording, 'listOr', { items, last });
}
