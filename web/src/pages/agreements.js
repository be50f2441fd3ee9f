// Agreements: every agreement and where it stands on a date; the chosen
// one's parties as rows and its steps on a time axis, with a date slider
// that shows the status on the date it points to.
import { api } from '../api.js';
import { clear, h, svg } from '../dom.js';
import { filterBar } from '../filters.js';
import { marksFor, openSentences } from '../sentences.js';

const DAY = 86400000;
const STEP_COLORS = {
  negotiated: '#9e9ac8',
  signed: '#3182bd',
  'submitted for ratification': '#fdae6b',
  'approved by the legislature': '#74c476',
  ratified: '#31a354',
  'entered into force': '#006d2c',
  suspended: '#e6550d',
  withdrawn: '#a50f15',
  'violated (accused)': '#de2d26',
};

// "YYYY[-MM[-DD]]" -> ms since the epoch (the first day of the period).
function parseDate(d) {
  if (!d) return null;
  const [y, m = '01', day = '01'] = d.split('-');
  const t = Date.UTC(Number(y), Number(m) - 1, Number(day));
  return Number.isNaN(t) ? null : t;
}
const iso = (t) => new Date(t).toISOString().slice(0, 10);

function title(a) {
  return a.name || `${a.parties.join('–')} ${a.kind || ''} agreement`.replace(/\s+/g, ' ');
}

// The step's sentence with the actor's words marked.
function stepItem(s) {
  return {
    date: s.date,
    doc_id: s.source.doc_id,
    label: `${s.negated ? 'not ' : ''}${s.step} · ${s.actor || 'all parties'}`,
    text: s.source.text,
    marks: marksFor(s.source.text, { source: s.actor_text }),
  };
}

function openSteps(a) {
  return openSentences(`${title(a)}: its steps`, async () => ({ items: a.steps.map(stepItem) }));
}

// The row a step belongs to: its actor's party (CHNLEG acts for CHN), or
// every party when the text names none.
function rowsOf(step, parties) {
  if (!step.actor) return parties;
  const party = parties.find((p) => step.actor.startsWith(p)) || parties.find((p) => p.startsWith(step.actor));
  return [party || step.actor];
}

function statusView(a, asOf) {
  const list = (label, codes, cls) => h('li', { class: cls }, h('b', {}, label), ' ', codes.length ? codes.join(', ') : '—');
  return h(
    'div',
    { class: 'status', id: 'agreement-status' },
    h('p', {}, 'Status on ', h('b', { id: 'status-date' }, asOf), ': ', h('span', { class: 'status-label', id: 'status-label' }, a.status_label || a.status)),
    h(
      'ul',
      {},
      list('Signed:', a.signed_by, 'signed'),
      list('Ratified:', a.ratified_by, 'ratified'),
      list('Not ratified:', a.not_ratified_by, 'not-ratified'),
      a.withdrawn_by.length ? list('Withdrawn:', a.withdrawn_by, 'withdrawn') : null,
    ),
  );
}

function timeline(a, range, asOf) {
  const W = 900;
  const left = 110;
  const right = 20;
  const rowH = 44;
  const parties = [...a.parties];
  for (const s of a.steps) for (const r of rowsOf(s, a.parties)) if (!parties.includes(r)) parties.push(r);
  const H = 40 + rowH * Math.max(1, parties.length);
  const x = (t) => left + ((t - range.min) / (range.max - range.min)) * (W - left - right);
  const g = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'timeline', role: 'img', 'aria-label': `Steps of ${title(a)}` });
  // Year ticks.
  const y0 = new Date(range.min).getUTCFullYear();
  const y1 = new Date(range.max).getUTCFullYear();
  const every = Math.max(1, Math.ceil((y1 - y0 + 1) / 12));
  for (let y = y0; y <= y1 + 1; y += every) {
    const t = Date.UTC(y, 0, 1);
    if (t < range.min || t > range.max) continue;
    g.append(svg('line', { x1: x(t), x2: x(t), y1: 20, y2: H - 8, class: 'tick' }), svg('text', { x: x(t), y: 14, class: 'tick-label' }, y));
  }
  parties.forEach((party, i) => {
    const y = 40 + i * rowH;
    const ratified = a.ratified_by.includes(party);
    g.append(
      svg('line', { x1: left, x2: W - right, y1: y, y2: y, class: 'row-line' }),
      svg('text', { x: 8, y: y + 4, class: `party ${ratified ? 'ratified' : ''}`, dataset: { party } }, `${party}${ratified ? ' ✓' : ''}`),
    );
  });
  const now = parseDate(asOf);
  // Under the steps, so that a step on the chosen date stays clickable.
  g.append(svg('line', { x1: x(now), x2: x(now), y1: 18, y2: H - 4, class: 'as-of', id: 'as-of-line' }));
  a.steps.forEach((s, k) => {
    const t = parseDate(s.date);
    if (t === null) return;
    for (const row of rowsOf(s, a.parties)) {
      const y = 40 + parties.indexOf(row) * rowH;
      const color = STEP_COLORS[s.step] || '#555';
      const marker = svg(
        'circle',
        {
          cx: x(t),
          cy: y,
          r: 8,
          fill: s.negated ? 'white' : color,
          stroke: color,
          'stroke-width': 3,
          'stroke-dasharray': s.negated ? '3 2' : undefined,
          class: `step ${t > now ? 'future' : ''}`,
          tabindex: 0,
          dataset: { step: k, kind: s.step },
          onclick: () => openSentences(`${title(a)}: ${s.negated ? 'not ' : ''}${s.step}`, async () => ({ items: [stepItem(s)] })),
        },
        svg('title', {}, `${s.date} ${s.negated ? 'not ' : ''}${s.step} by ${s.actor || 'all parties'}`),
      );
      g.append(marker);
    }
  });
  return { element: g, x };
}

export async function render(main, ctx) {
  const p = ctx.params;
  main.append(
    filterBar([{ name: 'party', label: 'Party', kind: 'actor' }], { party: p.party }, (v) => ctx.go({ ...v })),
  );
  const list = await api('agreements', { party: p.party, as_of: p.as_of });
  if (!ctx.current()) return;
  if (!list.agreements.length) {
    main.append(h('p', { class: 'muted empty' }, 'No agreements in this store (or for this party).'));
    return;
  }
  const selectedId = Number(p.id) || list.agreements[0].id;
  const detailBox = h('section', { class: 'card', id: 'agreement-detail' });
  const rows = new Map();
  const table = h(
    'table',
    { class: 'agreements' },
    h('thead', {}, h('tr', {}, ['agreement', 'parties', 'status', 'ratified by', 'not ratified by'].map((c) => h('th', {}, c)))),
    h(
      'tbody',
      {},
      list.agreements.map((a) => {
        const tr = h(
          'tr',
          { class: 'clickable', tabindex: 0, dataset: { id: a.id }, onclick: () => select(a.id, true) },
          h('td', {}, title(a)),
          h('td', {}, a.parties.join(', ')),
          h('td', { class: 'status-cell' }, a.status_label),
          h('td', { class: 'ratified-cell' }, a.ratified_by.join(', ')),
          h('td', { class: 'not-ratified-cell' }, a.not_ratified_by.join(', ')),
        );
        rows.set(a.id, tr);
        return tr;
      }),
    ),
  );
  main.append(h('section', { class: 'card' }, h('h2', {}, 'Agreements'), table), detailBox);

  let current = null;
  let asOf = p.as_of;
  let pending = null;

  // Status of the chosen agreement and of every row, on `date`.
  const refresh = async (date) => {
    const [one, all] = await Promise.all([api(`agreements/${current.id}`, { as_of: date }), api('agreements', { party: p.party, as_of: date })]);
    if (!ctx.current() || date !== asOf) return;
    detailBox.querySelector('#agreement-status').replaceWith(statusView(one, date));
    for (const party of detailBox.querySelectorAll('text.party')) {
      const ok = one.ratified_by.includes(party.dataset.party);
      party.textContent = `${party.dataset.party}${ok ? ' ✓' : ''}`;
      party.classList.toggle('ratified', ok);
    }
    for (const a of all.agreements) {
      const tr = rows.get(a.id);
      if (!tr) continue;
      tr.querySelector('.status-cell').textContent = a.status_label;
      tr.querySelector('.ratified-cell').textContent = a.ratified_by.join(', ');
      tr.querySelector('.not-ratified-cell').textContent = a.not_ratified_by.join(', ');
    }
    document.body.dataset.statusDate = date;
  };

  async function select(id, open) {
    const a = await api(`agreements/${id}`);
    if (!ctx.current()) return;
    const times = a.steps.map((s) => parseDate(s.date)).filter((t) => t !== null);
    const today = Date.now();
    const first = times.length ? Math.min(...times) : today - 365 * DAY;
    const last = times.length ? Math.max(...times) : today;
    const range = { min: first - 365 * DAY, max: last + 365 * DAY };
    asOf = asOf && parseDate(asOf) !== null ? asOf : iso(last);
    const at = Math.min(Math.max(parseDate(asOf), range.min), range.max);
    asOf = iso(at);
    current = await api(`agreements/${id}`, { as_of: asOf });
    if (!ctx.current()) return;
    for (const [rid, tr] of rows) tr.classList.toggle('selected', rid === id);
    const tl = timeline(current, range, asOf);
    const slider = h('input', {
      type: 'range',
      id: 'as-of-slider',
      min: 0,
      max: Math.round((range.max - range.min) / DAY),
      step: 1,
      value: Math.round((at - range.min) / DAY),
      'aria-label': 'Status on date',
    });
    const label = h('output', { id: 'as-of-label' }, asOf);
    slider.addEventListener('input', () => {
      const t = range.min + Number(slider.value) * DAY;
      asOf = iso(t);
      label.textContent = asOf;
      const line = detailBox.querySelector('#as-of-line');
      line.setAttribute('x1', tl.x(t));
      line.setAttribute('x2', tl.x(t));
      for (const c of detailBox.querySelectorAll('circle.step')) {
        const s = current.steps[Number(c.dataset.step)];
        c.classList.toggle('future', parseDate(s.date) > t);
      }
      ctx.remember({ ...p, id: current.id, as_of: asOf });
      clearTimeout(pending);
      pending = setTimeout(() => refresh(asOf), 120);
    });
    clear(detailBox).append(
      h('h2', {}, title(current), ' ', h('button', { type: 'button', class: 'link', onclick: () => openSteps(current) }, 'sources')),
      h('p', { class: 'muted' }, `${current.kind || 'agreement'} · parties ${current.parties.join(', ')} · click a step for its sentence`),
      tl.element,
      h('div', { class: 'slider' }, h('label', { for: 'as-of-slider' }, 'Date '), slider, ' ', label),
      statusView(current, asOf),
      h(
        'p',
        { class: 'legend' },
        Object.entries(STEP_COLORS)
          .filter(([k]) => current.steps.some((s) => s.step === k))
          .map(([k, c]) => h('span', { class: 'key' }, svg('svg', { width: 12, height: 12 }, svg('circle', { cx: 6, cy: 6, r: 5, fill: c })), ` ${k} `)),
        current.steps.some((s) => s.negated) ? h('span', { class: 'key' }, '○ not (yet) taken') : null,
      ),
    );
    ctx.remember({ ...p, id: current.id, as_of: asOf });
    if (open) openSteps(current);
  }
  await select(selectedId, false);
}
