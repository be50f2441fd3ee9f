// Dyad: two actors, their events both ways over time, the mean Goldstein
// score of each direction, and the list of events.
import { api, periodRange } from '../api.js';
import { makeChart } from '../charts.js';
import { h } from '../dom.js';
import { filterBar } from '../filters.js';
import { eventItem, openEvents, openSentences } from '../sentences.js';

const PERIODS = [
  ['month', 'month'],
  ['week', 'week'],
  ['year', 'year'],
  ['day', 'day'],
];
const COLORS = ['#2b8cbe', '#e6550d'];

// One direction's events, a page at a time.
class Pager {
  constructor(params) {
    this.params = params;
    this.cursor = undefined;
    this.done = false;
    this.buffer = [];
  }
  async fill(n) {
    while (!this.done && this.buffer.length < n) {
      const r = await api('events', { ...this.params, limit: 100, cursor: this.cursor });
      this.buffer.push(...r.events);
      this.cursor = r.next_cursor;
      this.done = !r.next_cursor;
    }
  }
}

const plural = (n) => `${n.toLocaleString()} event${n === 1 ? '' : 's'}`;

function key(e) {
  return `${e.date}\u0000${e.doc_id}\u0000${String(e.event).padStart(8, '0')}`;
}

export async function render(main, ctx) {
  const p = ctx.params;
  if (!p.a || !p.b) {
    const top = await api('counts', { from: p.from, to: p.to, by: 'dyad', per: 'all', sort: 'events', limit: 1 });
    const first = top.rows.find((r) => r.source && r.target);
    if (first && ctx.current()) return ctx.go({ ...p, a: first.source, b: first.target }, true);
  }
  const per = p.per || 'month';
  const a = p.a || '';
  const b = p.b || '';
  main.append(
    filterBar(
      [
        { name: 'a', label: 'Actor A', kind: 'actor' },
        { name: 'b', label: 'Actor B', kind: 'actor' },
        { name: 'from', label: 'From', kind: 'date' },
        { name: 'to', label: 'To', kind: 'date' },
        { name: 'per', label: 'Per', kind: 'select', options: PERIODS },
      ],
      { a, b, from: p.from, to: p.to, per },
      (v) => ctx.go(v),
    ),
  );
  if (!a || !b) {
    main.append(h('p', { class: 'muted empty' }, 'Choose two actors.'));
    return;
  }
  const span = { from: p.from, to: p.to };
  const dirs = [
    { source: a, target: b },
    { source: b, target: a },
  ];
  // The list's first pages load with the chart's counts.
  const pagers = dirs.map((d) => new Pager({ ...span, ...d, match: 'exact' }));
  const [counts] = await Promise.all([
    Promise.all(dirs.map((d) => api('counts', { ...span, ...d, match: 'exact', by: 'dyad', per }))),
    ...pagers.map((pg) => pg.fill(1)),
  ]);
  if (!ctx.current()) return;
  const periods = [...new Set(counts.flatMap((c) => c.rows.map((r) => r.period)).filter(Boolean))].sort();
  const index = new Map(periods.map((x, i) => [x, i]));
  const series = counts.map((c) => {
    const n = new Array(periods.length).fill(0);
    const g = new Array(periods.length).fill(null);
    for (const r of c.rows) {
      if (!r.period) continue;
      n[index.get(r.period)] = r.events;
      g[index.get(r.period)] = r.mean_goldstein;
    }
    return { n, g, total: c.rows.reduce((s, r) => s + r.events, 0) };
  });
  const canvas = h('canvas', { id: 'chart-dyad', 'aria-label': `Events ${a} and ${b} per ${per}` });
  const swap = h('button', { type: 'button', class: 'link', onclick: () => ctx.go({ ...p, a: b, b: a }) }, 'swap ⇄');
  const tbody = h('tbody');
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'More events');
  main.append(
    h(
      'section',
      { class: 'card' },
      h('h2', {}, `${a} ⇄ ${b} `, swap),
      h('p', { class: 'muted' }, `${a} → ${b}: ${plural(series[0].total)} · ${b} → ${a}: ${plural(series[1].total)}. Click a bar or point for its sentences.`),
      h('div', { class: 'chart tall' }, canvas),
    ),
    h(
      'section',
      { class: 'card' },
      h('h2', {}, 'Events'),
      h(
        'table',
        { class: 'events', id: 'dyad-events' },
        h('thead', {}, h('tr', {}, ['date', 'direction', 'CAMEO', 'PLOVER', 'Goldstein', 'sentence'].map((c) => h('th', {}, c)))),
        tbody,
      ),
      more,
    ),
  );
  const datasets = [];
  dirs.forEach((d, i) => {
    datasets.push({ type: 'bar', label: `${d.source} → ${d.target}`, data: series[i].n, backgroundColor: COLORS[i], yAxisID: 'y', order: 2, maxBarThickness: 48 });
  });
  dirs.forEach((d, i) => {
    datasets.push({
      type: 'line',
      label: `Goldstein ${d.source} → ${d.target}`,
      data: series[i].g,
      borderColor: COLORS[i],
      backgroundColor: COLORS[i],
      borderDash: [4, 3],
      pointRadius: 3,
      spanGaps: true,
      yAxisID: 'g',
      order: 1,
    });
  });
  makeChart(
    'dyad',
    canvas,
    {
      type: 'bar',
      data: { labels: periods, datasets },
      options: {
        scales: {
          y: { beginAtZero: true, title: { display: true, text: 'events' } },
          g: { position: 'right', min: -10, max: 10, grid: { drawOnChartArea: false }, title: { display: true, text: 'Goldstein' } },
        },
      },
    },
    (ds, i) => {
      const d = dirs[ds % 2];
      openEvents(`${d.source} → ${d.target}, ${per} of ${periods[i]}`, { ...d, match: 'exact', ...periodRange(per, periods[i]) });
    },
  );

  // The list: both directions merged in date order, 50 rows at a time.
  const showMore = async () => {
    more.hidden = true;
    const rows = [];
    for (let k = 0; k < 50; k++) {
      await Promise.all(pagers.map((pg) => pg.fill(1)));
      const live = pagers.filter((pg) => pg.buffer.length);
      if (!live.length) break;
      live.sort((x, y) => (key(x.buffer[0]) < key(y.buffer[0]) ? -1 : 1));
      rows.push(live[0].buffer.shift());
    }
    for (const e of rows) {
      tbody.append(
        h(
          'tr',
          { class: 'clickable', tabindex: 0, onclick: () => openSentences(`${e.source} → ${e.target} · ${e.date}`, async () => ({ items: [eventItem(e)] })) },
          h('td', {}, e.date),
          h('td', {}, `${e.source} → ${e.target}`),
          h('td', {}, e.cameo),
          h('td', {}, e.plover),
          h('td', { class: 'num' }, e.goldstein),
          h('td', { class: 'excerpt' }, e.text),
        ),
      );
    }
    more.hidden = pagers.every((pg) => pg.done && !pg.buffer.length);
  };
  more.addEventListener('click', showMore);
  await showMore();
}
