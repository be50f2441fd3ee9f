// The sentence panel: what every chart point, bar and row opens. Each item
// is a source sentence with the event's words highlighted (trigger, source
// and target), from byte spans the API gives (or, for ledger records that
// carry only words, found in the sentence here).
import { api } from './api.js';
import { append, clear, h } from './dom.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// `text` with each mark {kind, begin, end} (byte offsets) wrapped in
// <mark class="kind">; overlapping or out-of-range marks are skipped.
export function highlighted(text, marks = []) {
  const bytes = encoder.encode(text);
  const out = [];
  let pos = 0;
  for (const m of [...marks].sort((a, b) => a.begin - b.begin)) {
    if (m.begin < pos || m.end > bytes.length || m.end <= m.begin) continue;
    out.push(decoder.decode(bytes.subarray(pos, m.begin)));
    out.push(h('mark', { class: m.kind, title: m.kind }, decoder.decode(bytes.subarray(m.begin, m.end))));
    pos = m.end;
  }
  out.push(decoder.decode(bytes.subarray(pos)));
  return out;
}

// Byte marks for `words` ({kind: text}) found in `text`, case ignored.
export function marksFor(text, words) {
  const lower = text.toLowerCase();
  const marks = [];
  for (const [kind, word] of Object.entries(words)) {
    if (!word) continue;
    const at = lower.indexOf(word.toLowerCase());
    if (at < 0) continue;
    const begin = encoder.encode(text.slice(0, at)).length;
    const end = begin + encoder.encode(text.slice(at, at + word.length)).length;
    if (marks.some((m) => begin < m.end && m.begin < end)) continue;
    marks.push({ kind, begin, end });
  }
  return marks;
}

// A panel item for an event of /api/events.
export function eventItem(e) {
  return {
    date: e.date,
    doc_id: e.doc_id,
    label: `${e.source || '—'} → ${e.target || '—'} · ${e.cameo} ${e.plover || ''} · Goldstein ${e.goldstein}`,
    text: e.text,
    marks: e.marks,
  };
}

function panel() {
  return document.getElementById('sentences');
}

export function closeSentences() {
  const p = panel();
  p.hidden = true;
  clear(p);
}

function itemView(item) {
  return h(
    'article',
    { class: 'sentence' },
    h(
      'header',
      {},
      h('span', { class: 'date' }, item.date || 'undated'),
      ' · ',
      h('span', { class: 'label' }, item.label || ''),
    ),
    h('p', { class: 'text' }, highlighted(item.text || '', item.marks)),
    h(
      'footer',
      {},
      'report ',
      h('button', { class: 'link doc-link', type: 'button', onclick: () => openDocument(item.doc_id) }, item.doc_id),
    ),
  );
}

// Opens the panel titled `title`; `load()` resolves to {items, more} where
// `more` (optional) loads the next page the same way.
export async function openSentences(title, load) {
  const p = panel();
  clear(p);
  p.hidden = false;
  const list = h('div', { class: 'items' }, h('p', { class: 'muted' }, 'Loading…'));
  append(p, [
    h(
      'div',
      { class: 'panel-head' },
      h('h2', {}, title),
      h('button', { class: 'close', type: 'button', 'aria-label': 'Close', onclick: closeSentences }, '×'),
    ),
    h(
      'p',
      { class: 'legend' },
      h('mark', { class: 'trigger' }, 'trigger'),
      ' ',
      h('mark', { class: 'source' }, 'source'),
      ' ',
      h('mark', { class: 'target' }, 'target'),
    ),
    list,
  ]);
  const show = async (loader, first) => {
    let page;
    try {
      page = await loader();
    } catch (err) {
      append(list, [h('p', { class: 'error' }, err.message)]);
      return;
    }
    if (first) clear(list);
    if (first && page.items.length === 0) append(list, [h('p', { class: 'muted' }, 'No sentences.')]);
    append(list, page.items.map(itemView));
    if (page.more) {
      const button = h('button', { type: 'button', class: 'more' }, 'More');
      button.addEventListener('click', () => {
        button.remove();
        show(page.more, false);
      });
      append(list, [button]);
    }
    p.dataset.loaded = String(list.querySelectorAll('article').length);
  };
  await show(load, true);
}

// Sentences of the events that `params` select (/api/events), 50 at a time.
export function openEvents(title, params) {
  const page = (cursor) => async () => {
    const r = await api('events', { ...params, limit: 50, cursor });
    return { items: r.events.map(eventItem), more: r.next_cursor ? page(r.next_cursor) : null };
  };
  return openSentences(title, page(undefined));
}

// The whole report, every event's words marked.
export async function openDocument(docId) {
  const p = panel();
  clear(p);
  p.hidden = false;
  let r;
  try {
    r = await api(`documents/${encodeURIComponent(docId)}`);
  } catch (err) {
    append(p, [h('p', { class: 'error' }, err.message)]);
    return;
  }
  const d = r.document;
  const marks = r.events.flatMap((e) => e.marks);
  append(p, [
    h(
      'div',
      { class: 'panel-head' },
      h('h2', {}, d.title || d.id),
      h('button', { class: 'close', type: 'button', 'aria-label': 'Close', onclick: closeSentences }, '×'),
    ),
    h('p', { class: 'muted' }, [d.date, d.source, d.id].filter(Boolean).join(' · ')),
    h('p', { class: 'document-text' }, highlighted(d.text, marks)),
    h('h3', {}, `${r.events.length} events`),
    h(
      'ul',
      { class: 'event-list' },
      r.events.map((e) => h('li', {}, `${e.date} ${e.source || '—'} → ${e.target || '—'} ${e.cameo} ${e.plover}`)),
    ),
  ]);
}

document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape') closeSentences();
});
