import type { Plan } from '../conversation/evidence-facts.ts';
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

function communityAdvice(support: SupportConfig): string {
  return `post this summary in the Community (${support.links.community}) or on Discord (${support.links.discord})`;
}

function canOpenCase(plan: PlanConfig, topic: CaseTopic): boolean {
  if (plan.channels.case === 'yes') return true;
  return plan.channels.case === 'limited' && (plan.caseTopics ?? []).includes(topic);
}

function planAdvice(support: SupportConfig, plan: Plan, caseUrl: string, topic: CaseTopic): NextStep {
  const config = support.plans[plan];
  if (!canOpenCase(config, topic)) {
    const limited = config.channels.case === 'limited' && config.caseTopics?.length
      ? `support cases are only for ${listWords(config.caseTopics)} issues, so `
      : '';
    return { text: `On the ${config.label} plan, ${limited}${communityAdvice(support)}.`, canOpenCase: false };
  }
  const options = [`open a support case at ${caseUrl}`];
  if (config.channels.chat === 'yes') options.push('start a live chat (Support > Technical Support > Chat with an agent)');
  let text = `On the ${config.label} plan, ${options.join(' or ')}.`;
  if (config.channels.phone === 'yes') {
    text += ' For a P1 emergency such as a site outage or DDoS attack, use the Emergency Phone line (Support > Technical Support > Emergency Phone Line).';
  }
  return { text, canOpenCase: true };
}

/** One line per plan, for when the plan is not known yet. */
function allPlansAdvice(support: SupportConfig, caseUrl: string, topic: CaseTopic): NextStep {
  const plans: Plan[] = ['free', 'pro', 'business', 'enterprise'];
  const lines = plans.map((plan) => {
    const config = support.plans[plan];
    if (!canOpenCase(config, topic)) {
      const limited = config.channels.case === 'limited' && config.caseTopics?.length ? ` (cases only for ${listWords(config.caseTopics)} issues)` : '';
      return `${config.label}: Community or Discord${limited}`;
    }
    const channels = ['support case'];
    if (config.channels.chat === 'yes') channels.push('chat');
    if (config.channels.phone === 'yes') channels.push('Emergency Phone for P1');
    return `${config.label}: ${listWords(channels, 'or')}`;
  });
  return {
    text: `Which channel depends on your plan. ${lines.join('; ')}. Cases: ${caseUrl}. Community: ${support.links.community}. Discord: ${support.links.discord}.`,
    canOpenCase: true,
  };
}

export function nextStep(support: SupportConfig, plan: Plan | undefined, caseUrl: string, topic: CaseTopic = 'technical'): NextStep {
  const advice = plan ? planAdvice(support, plan, caseUrl, topic) : allPlansAdvice(support, caseUrl, topic);
  return { ...advice, text: `Check ${support.links.status} first. ${advice.text}` };
}

function listWords(words: readonly string[], conjunction = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}
