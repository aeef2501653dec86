import type { EvidenceFacts } from '../conversation/evidence-facts.ts';
import { codeMatches, type ChecklistItem, type Provides, type SupportConfig } from './support-config.ts';

/**
 * What to attach before submitting, from support.yaml. Items the user has
 * already given (a Ray ID, the URL, a converted timestamp, a trace) are
 * dropped rather than listed as "(included)": the summary's Details section
 * already shows them, and a shorter list gets done.
 */

/** A time without a zone is not yet what support needs, so only a converted UTC time counts as provided. */
export function isProvided(facts: EvidenceFacts, provides: Provides | undefined): boolean {
  switch (provides) {
    case 'time':
      return facts.timeUtc !== undefined;
    case 'url':
      return facts.urls.length > 0;
    case 'rayId':
      return facts.rayIds.length > 0;
    case 'trace':
      return facts.trace !== undefined;
    default:
      return false;
  }
}

function render(item: ChecklistItem): string {
  return item.how ? `${item.text} (how: ${item.how})` : item.text;
}

/** Item ids for a code: the default list, then each matching rule's drops and additions, in file order. */
export function checklistItemIds(support: SupportConfig, code: string | undefined): string[] {
  let ids = [...support.checklist.default];
  for (const rule of support.checklist.rules) {
    if (!code || !rule.codes.some((p) => codeMatches(p, code))) continue;
    ids = ids.filter((id) => !rule.drop.includes(id));
    for (const id of rule.add) if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

export type CaseChecklistOptions = {
  /** Priority only matters where a case can be opened; a community post has none. */
  includePriority: boolean;
};

export function caseChecklist(support: SupportConfig, code: string | undefined, facts: EvidenceFacts, options: CaseChecklistOptions): string[] {
  return checklistItemIds(support, code)
    .filter((id) => options.includePriority || id !== 'priority')
    .map((id) => support.checklist.items[id])
    .filter((item): item is ChecklistItem => item !== undefined && !isProvided(facts, item.provides))
    .map(render);
}

/** For a visitor: what to send the site owner (the caller closes the list with who can, and cannot, help). */
export function visitorChecklist(support: SupportConfig, facts: EvidenceFacts): string[] {
  return support.visitor.items.filter((item) => !isProvided(facts, item.provides)).map((item) => item.text);
}
