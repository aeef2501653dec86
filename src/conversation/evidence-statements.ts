import { reason, type Reason } from '../knowledge/reason.ts';
import { PLAN_LABELS, SSL_MODE_LABELS, type Plan, type SslMode } from './evidence-facts.ts';

/**
 * What users say about their own setup: plan, SSL/TLS mode, whether
 * cloudflared runs, whether the error page was Cloudflare's. Each detector
 * reads statements only; a question ("is flexible ssl safe?") or a choice
 * ("flexible or full?") says nothing about the user's setup and is skipped.
 */

export type Statement<T extends string> = { value: T; because: Reason };

const QUESTION_START = /^\s*(?:is|are|does|do|can|could|should|would|will|which|what|how|why|when|where|whats|what's)\b/i;

function statements(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\r?\n+/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !QUESTION_START.test(s));
}

const PLAN_WORD = '(free|pro|business|enterprise)';
const PLAN_END = String.raw`(?=\s*(?:$|[.,;:!?)])|\s+(?:and|but|so|now|too|here|btw|though|plan|tier|subscription)\b)`;
const PLAN_PATTERNS: RegExp[] = [
  // "upgraded from free to pro": the plan is where they ended up.
  new RegExp(String.raw`\bfrom\s+(?:the\s+)?(?:free|pro|business)\s+(?:plan\s+)?to\s+(?:the\s+)?(?:cloudflare\s+)?(pro|business|enterprise)\b`, 'i'),
  // "my site is on the Pro plan", "we have an enterprise contract": a plan noun with the speaker nearby.
  new RegExp(String.raw`\b(?:i|we|my|our|i'?m|we'?re|on|using|have|has|with|its|it'?s)\b[^.?!\n]{0,30}?\b${PLAN_WORD}\s+(?:plan|tier|subscription|account|zone|customer|contract)s?\b`, 'i'),
  // "I'm on pro", "we're enterprise", "using business."
  new RegExp(String.raw`\b(?:on|using|have|with|bought|purchased|upgraded\s+to|downgraded\s+to|subscribed\s+to|paying\s+for|we'?re|we\s+are|i'?m|i\s+am)\s+(?:on\s+)?(?:the\s+|a\s+|an\s+)?(?:cloudflare\s+)?${PLAN_WORD}${PLAN_END}`, 'i'),
  new RegExp(String.raw`\bplan\s*(?:is|:|=|-)\s*${PLAN_WORD}\b`, 'i'),
];

export function detectPlan(text: string): Statement<Plan> | undefined {
  for (const sentence of statements(text)) {
    for (const re of PLAN_PATTERNS) {
      const word = re.exec(sentence)?.[1]?.toLowerCase();
      if (word) {
        const plan = word as Plan;
        return { value: plan, because: reason('said', 'becausePlanSaid', { plan: PLAN_LABELS[plan] }) };
      }
    }
  }
  return undefined;
}

const SSL_CONTEXT = /\b(?:ssl|tls|encryption)\b|\bfull\s*\(\s*strict\s*\)/i;
const NOT_A_MODE = String.raw`url|path|page|logs?|docs?|documentation|article|guide|list|chain|name|access|control|output|details|error|message|text|stop|screen|version|trace`;
const MODE_MENTION = new RegExp(
  String.raw`\bfull\s*\(\s*strict\s*\)|\bfull[\s-]+strict\b|\bstrict\b(?![\s-]*transport)|\bflexible\b|\bfull\b(?!\s+(?:${NOT_A_MODE})\b)(?!\s+(?:ssl|tls)\s+(?:${NOT_A_MODE}|handshake|certificate)\b)` +
    String.raw`|\b(?:ssl|tls|encryption)(?:\/tls)?(?:\s+(?:mode|encryption|setting))?\s+(?:is\s+|was\s+|set\s+to\s+|turned\s+|switched\s+)?off\b|\b(?:turned|switched|set)\s+(?:ssl|tls)\s+off\b|\boff\s+(?:ssl|tls)\s+mode\b`,
  'gi',
);

function modeOf(mention: string): SslMode {
  const m = mention.toLowerCase();
  if (/strict/.test(m)) return 'strict';
  if (/flexible/.test(m)) return 'flexible';
  if (/\boff\b/.test(m)) return 'off';
  return 'full';
}

export function detectSslMode(text: string): Statement<SslMode> | undefined {
  for (const sentence of statements(text)) {
    if (!SSL_CONTEXT.test(sentence)) continue;
    const modes = [...sentence.matchAll(MODE_MENTION)].map((m) => modeOf(m[0]));
    if (!modes.length) continue;
    // "flexible or full?" weighs options; it does not say which one is set.
    if (new Set(modes).size > 1 && /\b(?:or|vs\.?|versus)\b/i.test(sentence)) continue;
    // "switched from flexible to full (strict)": a change is told in order, so the last mode is the current one.
    const mode = modes[modes.length - 1] as SslMode;
    return { value: mode, because: reason('said', 'becauseSslModeSaid', { mode: SSL_MODE_LABELS[mode] }) };
  }
  return undefined;
}

const CLOUDFLARED_DOWN = /\bcloudflared\b[^.?!\n]{0,40}?\b(?:not\s+running|isn'?t\s+running|not\s+started|stopped|crashed|down|inactive|dead|won'?t\s+start|fails?\s+to\s+start|exited)\b|\btunnel\s+(?:is\s+)?(?:down|inactive|unhealthy|disconnected)\b/i;
const CLOUDFLARED_UP = /\bcloudflared\b[^.?!\n]{0,40}?\b(?:is\s+)?(?:running|up|active|healthy|connected)\b|\btunnel\s+(?:is\s+)?(?:healthy|connected|up)\b/i;

export function detectCloudflaredRunning(text: string): Statement<'yes' | 'no'> | undefined {
  // systemctl output is the strongest signal, and it has no sentence to read.
  if (/\bcloudflared(?:\.service)?\b/i.test(text)) {
    const active = /^\s*Active:\s*(active \(running\)|inactive|failed|activating)/im.exec(text)?.[1];
    if (active) {
      const running = active.startsWith('active');
      return { value: running ? 'yes' : 'no', because: reason('systemctl', 'becauseSystemctl', { active }) };
    }
  }
  for (const sentence of statements(text)) {
    if (CLOUDFLARED_DOWN.test(sentence)) return { value: 'no', because: reason('said', 'becauseCloudflaredStoppedSaid') };
    if (CLOUDFLARED_UP.test(sentence)) return { value: 'yes', because: reason('said', 'becauseCloudflaredRunningSaid') };
  }
  return undefined;
}

const UNBRANDED_SAID = /\b(?:no|without|not\s+(?:a\s+)?)\s*cloudflare(?:[- ]branded|\s+(?:logo|branding))|\b(?:page|it)\s+(?:doesn'?t|does\s+not)\s+(?:show|have|mention|say)\s+(?:the\s+|any\s+)?cloudflare\b|\b(?:just|only)\s+(?:says\s+)?nginx\b/i;
const BRANDED_SAID = /\bcloudflare[- ]branded\b|\b(?:page|it)\s+(?:shows|has|says|mentions)\s+(?:the\s+)?cloudflare\b|\bcloudflare\s+(?:logo|branding)\s+(?:is\s+)?(?:on|shown|visible)\b/i;

export function detectBrandedStatement(text: string): Statement<'yes' | 'no'> | undefined {
  for (const sentence of statements(text)) {
    if (UNBRANDED_SAID.test(sentence)) return { value: 'no', because: reason('said', 'becauseUnbrandedSaid') };
    if (BRANDED_SAID.test(sentence)) return { value: 'yes', because: reason('said', 'becauseBrandedSaid') };
  }
  return undefined;
}
