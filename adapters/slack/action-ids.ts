import { z } from 'zod';
import { CHOICE_ID_PREFIX, choiceId, ID_NAMESPACE } from '../shared/ids.ts';

/** Every interactive id the door puts in a message lives in the shared `cfb1:` namespace (adapters/shared/ids.ts). */
export const CHOICE_ACTION = new RegExp(`^${CHOICE_ID_PREFIX}`);
export const SHARE_ACTION = `${ID_NAMESPACE}:share`;
export const LINK_ACTION = new RegExp(`^${ID_NAMESPACE}:link:`);
/** Any action id that is not ours in the current version: answered with "this conversation expired". */
export const FOREIGN_ACTION = new RegExp(`^(?!${ID_NAMESPACE}:)`);

export const ESCALATE_SHORTCUT = 'escalate_to_support';
export const ESCALATION_MODAL = 'escalate_to_support_modal';

export function choiceActionId(engineChoiceId: string): string {
  return choiceId(engineChoiceId);
}

export function linkActionId(name: string): string {
  return `${ID_NAMESPACE}:link:${name}`;
}

const choiceValueSchema = z.object({ v: z.literal(1), conv: z.string().min(1).max(200), choice: z.string().min(1).max(80) });
export type ChoiceValue = { conversationId: string; choiceId: string };

export function encodeChoiceValue(value: ChoiceValue): string {
  return JSON.stringify({ v: 1, conv: value.conversationId, choice: value.choiceId });
}

/** Undefined when the value was written by another version or tampered with. */
export function decodeChoiceValue(raw: string | undefined): ChoiceValue | undefined {
  const parsed = choiceValueSchema.safeParse(parseJson(raw));
  return parsed.success ? { conversationId: parsed.data.conv, choiceId: parsed.data.choice } : undefined;
}

const shareValueSchema = z.object({ v: z.literal(1), share: z.string().min(1).max(64) });

export function encodeShareValue(key: string): string {
  return JSON.stringify({ v: 1, share: key });
}

export function decodeShareValue(raw: string | undefined): string | undefined {
  const parsed = shareValueSchema.safeParse(parseJson(raw));
  return parsed.success ? parsed.data.share : undefined;
}

function parseJson(raw: string | undefined): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
