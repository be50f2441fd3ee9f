// The dashboard: four pages over the curlew API, the page and its filters
// kept in the URL (?view=dyad&a=TUR&b=CHN&from=2020-01...), so a view can be
// bookmarked, shared and restored with the back button.
import { api } from './api.js';
import { destroyCharts } from './charts.js';
import { clear, h } from './dom.js';
import * as agreements from './pages/agreements.js';
import * as commitments from './pages/commitments.js';
import * as dyad from './pages/dyad.js';
import * as overview from './pages/overview.js';
import { closeSentences } from './sentences.js';

const PAGES = { overview, dyad, agreements, commitments };
const TITLES = { overview: 'Overview', dyad: 'Dyad', agreements: 'Agreements', commitments: 'Commitments' };
// Filters that follow the reader from page to page.
const SHARED = ['from', 'to'];
let renders = 0;

function urlParams() {
  return Object.fromEntries(new URL(location.href).searchParams);
}

function queryOf(view, params) {
  const q = new URLSearchParams({ view });
  for (const [k, v] of Object.entries(params)) if (k !== 'view' && v) q.set(k, v);
  return '?' + q.toString();
}

// Shows `view` with `params`; `replace` keeps the history entry (filters
// refined in place, the slider).
export function go(view, params, replace = false) {
  history[replace ? 'replaceState' : 'pushState'](null, '', queryOf(view, params));
  return render();
}

// Updates the URL without redrawing (state a page keeps itself).
export function remember(view, params) {
  history.replaceState(null, '', queryOf(view, params));
}

async function render() {
  const mine = ++renders;
  document.body.dataset.ready = '';
  const params = urlParams();
  const view = PAGES[params.view] ? params.view : 'overview';
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.dataset.view === view);
  document.title = `curlew · ${TITLES[view]}`;
  destroyCharts();
  closeSentences();
  const main = clear(document.getElementById('page'));
  const ctx = {
    view,
    params,
    current: () => mine === renders,
    go: (next, replace) => go(view, next, replace),
    remember: (next) => remember(view, next),
    open: (otherView, next) => go(otherView, next),
  };
  try {
    await PAGES[view].render(main, ctx);
  } catch (err) {
    if (mine === renders) main.append(h('p', { class: 'error' }, `Could not load this page: ${err.message}`));
  }
  if (mine !== renders) return;
  document.body.dataset.ready = view;
  window.curlewReadyAt = performance.now();
}

function setUpNav() {
  for (const a of document.querySelectorAll('nav a')) {
    a.addEventListener('click', (ev) => {
      ev.preventDefault();
      const current = urlParams();
      const keep = Object.fromEntries(SHARED.filter((k) => current[k]).map((k) => [k, current[k]]));
      go(a.dataset.view, keep);
    });
  }
}

async function showStore() {
  try {
    const health = await api('health');
    document.getElementById('store-info').textContent =
      `${health.events.toLocaleString()} events · ${health.documents.toLocaleString()} reports · ${health.backend}`;
  } catch (err) {
    document.getElementById('store-info').textContent = `store unavailable: ${err.message}`;
  }
}

window.addEventListener('popstate', render);
setUpNav();
// The store line waits until the first page is drawn: it is not needed to
// use the page, and on a busy machine it would compete with the page's own
// requests.
render().then(showStore);
