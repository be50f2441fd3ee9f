// Overview: events per period by quad class (stacked) with the mean
// Goldstein score, the top dyads and the top actors.
import { api, periodRange, QUADS } from '../api.js';
import { makeChart } from '../charts.js';
import { h } from '../dom.js';
import { filterBar } from '../filters.js';
import { openEvents } from '../sentences.js';

const PERIODS = [
  ['week', 'week'],
  ['month', 'month'],
  ['year', 'year'],
  ['day', 'day'],
];

// Rows of /api/counts?by=quad -> labels, counts per quad, mean Goldstein.
function byPeriod(rows) {
  const periods = [...new Set(rows.filter((r) => r.period).map((r) => r.period))].sort();
  const index = new Map(periods.map((p, i) => [p, i]));
  const counts = [1, 2, 3, 4].map(() => new Array(periods.length).fill(0));
  const sum = new Array(periods.length).fill(0);
  const n = new Array(periods.length).fill(0);
  let undated = 0;
  for (const r of rows) {
    if (!r.period) {
      undated += r.events;
      continue;
    }
    const i = index.get(r.period);
    if (r.quad >= 1 && r.quad <= 4) counts[r.quad - 1][i] += r.events;
    sum[i] += r.mean_goldstein * r.events;
    n[i] += r.events;
  }
  const goldstein = sum.map((s, i) => (n[i] ? Math.round((s / n[i]) * 100) / 100 : null));
  return { periods, counts, goldstein, undated };
}

function card(title, ...body) {
  return h('section', { class: 'card' }, h('h2', {}, title), ...body);
}

export async function render(main, ctx) {
  const p = ctx.params;
  const per = p.per || 'week';
  const filters = { from: p.from, to: p.to, actor: p.actor };
  main.append(
    filterBar(
      [
        { name: 'from', label: 'From', kind: 'date' },
        { name: 'to', label: 'To', kind: 'date' },
        { name: 'actor', label: 'Actor', kind: 'actor' },
        { name: 'per', label: 'Per', kind: 'select', options: PERIODS },
      ],
      { ...filters, per },
      (v) => ctx.go(v),
    ),
  );
  const [timeline, dyads, actors] = await Promise.all([
    api('counts', { ...filters, by: 'quad', per }),
    api('counts', { ...filters, by: 'dyad', per: 'all', sort: 'events', limit: 12 }),
    api('actors', { ...filters, limit: 12 }),
  ]);
  if (!ctx.current()) return;
  const t = byPeriod(timeline.rows);
  const total = timeline.rows.reduce((s, r) => s + r.events, 0);
  const timeCanvas = h('canvas', { id: 'chart-timeline', 'aria-label': `Events per ${per} by quad class` });
  const dyadCanvas = h('canvas', { id: 'chart-dyads', 'aria-label': 'Top dyads' });
  const actorCanvas = h('canvas', { id: 'chart-actors', 'aria-label': 'Top actors' });
  main.append(
    card(
      `Events per ${per} by quad class, and mean Goldstein`,
      h('p', { class: 'muted' }, `${total.toLocaleString()} events`, t.undated ? ` (${t.undated.toLocaleString()} dated less precisely than a ${per}, not drawn)` : '', '. Click a bar or point for its sentences.'),
      h('div', { class: 'chart tall' }, timeCanvas),
    ),
    h(
      'div',
      { class: 'row' },
      card('Top dyads (source → target)', h('div', { class: 'chart' }, dyadCanvas), h('p', { class: 'muted', id: 'dyad-links' })),
      card('Top actors (as source or target)', h('div', { class: 'chart' }, actorCanvas)),
    ),
  );
  if (total === 0) main.append(h('p', { class: 'muted empty' }, 'No events match these filters.'));

  const datasets = QUADS.slice(1).map((q, i) => ({
    type: 'bar',
    label: q.name,
    data: t.counts[i],
    backgroundColor: q.color,
    stack: 'quads',
    maxBarThickness: 48,
    yAxisID: 'y',
    order: 2,
  }));
  datasets.push({
    type: 'line',
    label: 'Mean Goldstein',
    data: t.goldstein,
    borderColor: '#333',
    backgroundColor: '#333',
    pointRadius: t.periods.length > 120 ? 1.5 : 3,
    borderWidth: 1.5,
    yAxisID: 'g',
    spanGaps: true,
    order: 1,
  });
  makeChart(
    'timeline',
    timeCanvas,
    {
      type: 'bar',
      data: { labels: t.periods, datasets },
      options: {
        scales: {
          x: { stacked: true, ticks: { maxTicksLimit: 14 } },
          y: { stacked: true, beginAtZero: true, title: { display: true, text: 'events' } },
          g: { position: 'right', min: -10, max: 10, grid: { drawOnChartArea: false }, title: { display: true, text: 'Goldstein' } },
        },
      },
    },
    (ds, i) => {
      const period = t.periods[i];
      const range = periodRange(per, period);
      if (ds < 4) {
        openEvents(`${QUADS[ds + 1].name}, ${per} of ${period}`, { ...filters, ...range, quad: ds + 1 });
      } else {
        openEvents(`All events, ${per} of ${period} (mean Goldstein ${t.goldstein[i]})`, { ...filters, ...range });
      }
    },
  );

  const dyadRows = dyads.rows;
  makeChart(
    'dyads',
    dyadCanvas,
    {
      type: 'bar',
      data: {
        labels: dyadRows.map((r) => `${r.source || '—'} → ${r.target || '—'}`),
        datasets: [{ label: 'events', data: dyadRows.map((r) => r.events), backgroundColor: '#4a78b5' }],
      },
      options: { indexAxis: 'y', plugins: { legend: { display: false } } },
    },
    (ds, i) => {
      const r = dyadRows[i];
      openEvents(`${r.source || '—'} → ${r.target || '—'}`, { ...filters, actor: undefined, source: r.source, target: r.target, match: 'exact' });
    },
  );
  const links = main.querySelector('#dyad-links');
  if (dyadRows.length) {
    links.append('Dyad view: ');
    dyadRows.slice(0, 5).forEach((r, i) => {
      if (i) links.append(' · ');
      links.append(h('a', { href: '#', class: 'dyad-link', onclick: (ev) => {
        ev.preventDefault();
        ctx.open('dyad', { a: r.source, b: r.target, from: p.from, to: p.to });
      } }, `${r.source} ⇄ ${r.target}`));
    });
  }

  const actorRows = actors.actors;
  makeChart(
    'actors',
    actorCanvas,
    {
      type: 'bar',
      data: {
        labels: actorRows.map((a) => a.code),
        datasets: [
          { label: 'as source', data: actorRows.map((a) => a.as_source), backgroundColor: '#6a51a3', stack: 's' },
          { label: 'as target', data: actorRows.map((a) => a.as_target), backgroundColor: '#bcbddc', stack: 's' },
        ],
      },
      options: { indexAxis: 'y', scales: { x: { stacked: true }, y: { stacked: true } } },
    },
    (ds, i) => {
      const a = actorRows[i];
      const role = ds === 0 ? { source: a.code } : { target: a.code };
      openEvents(`${a.code} as ${ds === 0 ? 'source' : 'target'}`, { ...filters, actor: undefined, ...role, match: 'exact' });
    },
  );
}
