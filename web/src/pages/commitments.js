// Commitments: each pledge with its condition, and the later events that
// fulfil or contradict it.
import { api } from '../api.js';
import { h } from '../dom.js';
import { filterBar } from '../filters.js';
import { marksFor, openSentences } from '../sentences.js';

// The action reads as a clause already ("not to return Uighurs to China").
function pledgeText(c) {
  return c.action;
}

function pledgeItem(c) {
  return {
    date: c.date,
    doc_id: c.source.doc_id,
    label: `pledge by ${c.actor}${c.by && c.by !== c.actor ? ` (voiced by ${c.by})` : ''}`,
    text: c.source.text,
    marks: marksFor(c.source.text, { source: c.actor_text, trigger: c.action }),
  };
}

function linkItem(l) {
  const e = l.event;
  return {
    date: e.date,
    doc_id: l.doc_id,
    label: `${l.relation} · ${e.source || '—'} → ${e.target || '—'} ${e.cameo} ${e.plover || ''}`,
    text: l.source.text,
    marks: marksFor(l.source.text, { trigger: e.verb_text, source: e.source_text, target: e.target_text }),
  };
}

function openCommitment(c) {
  return openSentences(`${c.actor} pledged ${pledgeText(c)}`, async () => ({
    items: [pledgeItem(c), ...c.links.map(linkItem)],
  }));
}

export async function render(main, ctx) {
  const p = ctx.params;
  main.append(filterBar([{ name: 'actor', label: 'Actor', kind: 'actor' }], { actor: p.actor }, (v) => ctx.go(v)));
  const r = await api('commitments', { actor: p.actor });
  if (!ctx.current()) return;
  if (!r.commitments.length) {
    main.append(h('p', { class: 'muted empty' }, 'No commitments in this store (or by this actor).'));
    return;
  }
  const tbody = h('tbody');
  for (const c of r.commitments) {
    const fulfils = c.links.filter((l) => l.relation === 'fulfils').length;
    const contradicts = c.links.length - fulfils;
    tbody.append(
      h(
        'tr',
        { class: 'clickable commitment', tabindex: 0, dataset: { id: c.id }, onclick: () => openCommitment(c) },
        h('td', {}, c.date || '—'),
        h('td', {}, c.actor, c.by && c.by !== c.actor ? h('span', { class: 'muted' }, ` by ${c.by}`) : null),
        h('td', {}, pledgeText(c), c.target ? h('span', { class: 'muted' }, ` (to/about ${c.target})`) : null),
        h('td', {}, c.condition || '—'),
        h('td', {}, c.form || '—'),
        h(
          'td',
          { class: 'outcome' },
          c.links.length
            ? [
                fulfils ? h('span', { class: 'badge fulfils' }, `${fulfils} fulfil`) : null,
                contradicts ? h('span', { class: 'badge contradicts' }, `${contradicts} contradict`) : null,
              ]
            : h('span', { class: 'muted' }, 'no later event linked'),
        ),
      ),
    );
    for (const l of c.links) {
      tbody.append(
        h(
          'tr',
          { class: `clickable link-row ${l.relation}`, tabindex: 0, onclick: () => openSentences(`${l.relation}: ${l.event.source} ${l.event.cameo}`, async () => ({ items: [linkItem(l)] })) },
          h('td', {}, l.event.date),
          h('td', { colspan: 5 }, h('span', { class: `badge ${l.relation}` }, l.relation), ' ', l.source.text),
        ),
      );
    }
  }
  main.append(
    h(
      'section',
      { class: 'card' },
      h('h2', {}, `${r.commitments.length} commitment${r.commitments.length === 1 ? '' : 's'}`),
      h('p', { class: 'muted' }, 'Click a pledge for its sentence and the sentences of the events linked to it.'),
      h(
        'table',
        { class: 'commitments' },
        h('thead', {}, h('tr', {}, ['date', 'who', 'pledged', 'condition', 'form', 'afterwards'].map((c) => h('th', {}, c)))),
        tbody,
      ),
    ),
  );
}
