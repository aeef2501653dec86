import { describe, expect, it } from 'vitest';
import { shippedWording } from '../../tests/support/shipped-wording.ts';
import { reason, reasonText } from '../knowledge/reason.ts';
import type { Wording } from '../knowledge/wording.ts';
import { describeEvidence } from './evidence-describe.ts';
import { extractEvidence } from './evidence.ts';
import { sourceLabel } from './source-label.ts';

describe('where a fact came from', () => {
  it('follows the reason’s source, not its words: a quoted phrase about a trace is still something the user said', () => {
    const quoted = reason('said', 'becauseStatement', { phrase: 'my trace shows nothing' });
    expect(reasonText(shippedWording, quoted)).toBe('you said “my trace shows nothing”');
    expect(sourceLabel(shippedWording, quoted)).toBe('you said');
  });

  it('survives a translated wording file: the summary labels come from the source', () => {
    const german: Wording = { ...shippedWording, becausePlanSaid: 'du hast gesagt, dein Tarif ist {plan}', becauseTraceColo: 'dein Trace zeigt {colo}', fromYouSaid: 'laut dir', fromTrace: 'aus deinem Trace' };
    const facts = extractEvidence('I am on the Pro plan\nfl=29f47\nh=shop.example.com\ncolo=FRA\nhttp=http/2');
    expect(facts.because.plan && reasonText(german, facts.because.plan)).toBe('du hast gesagt, dein Tarif ist Pro');
    expect(describeEvidence(german, facts)).toEqual(expect.arrayContaining(['Plan: Pro (laut dir)', 'Data center (colo): FRA (aus deinem Trace)']));
  });

  it('still labels a reason stored as a finished sentence by an older release', () => {
    expect(sourceLabel(shippedWording, 'your cdn-cgi/trace shows colo=FRA')).toBe('from your trace');
    expect(sourceLabel(shippedWording, 'the error page you pasted shows error 521')).toBe('from the page you pasted');
    expect(sourceLabel(shippedWording, 'you said you are on the Pro plan')).toBe('you said');
    expect(sourceLabel(shippedWording, 'the request was served by the FRA data center')).toBeUndefined();
  });
});
