import { loadKnowledgeRuntime } from '../src/knowledge/runtime.ts';
const { kb, searcher } = loadKnowledgeRuntime('./knowledge');
let ok = 0, abst = 0; const bad: string[] = [];
for (const p of kb.pages) {
  const q = p.description.replace(/\b\d{3,5}\b/g, '').replace(/\s+/g, ' ').slice(0, 160);
  const r = searcher.search(q);
  const top = r.docs[0]?.id;
  if (!r.abstain && top === p.id) ok++; else { if (r.abstain) abst++; bad.push(`${p.id} <= "${q.slice(0,90)}" got ${r.abstain ? 'ABSTAIN ' : ''}${r.docs.slice(0,2).map(d=>d.id).join(',')}`); }
}
console.log(`desc-as-query top1 ${ok}/${kb.pages.length}, abstained ${abst}`);
console.log(bad.join('\n'));
