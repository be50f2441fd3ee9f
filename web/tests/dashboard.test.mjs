// Browser tests of the dashboard against a running `curlew serve` over the
// example corpus (scripts/browser-tests.sh sets CURLEW_URL and starts it).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chartPoint, launch } from './browser.mjs';

const BASE = process.env.CURLEW_URL;
const SHOTS = process.env.SCREENSHOT_DIR || 'test-screenshots';
let browser;

before(async () => {
  assert.ok(BASE, 'CURLEW_URL is not set (run scripts/browser-tests.sh)');
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
});

async function getJson(path) {
  const res = await fetch(new URL(path, BASE));
  assert.equal(res.status, 200, `${path} answered ${res.status}`);
  return res.json();
}

// Runs `body(page)` on a new page; on failure saves a screenshot named
// after the test; fails on any console error or CSP violation.
function pageTest(name, body) {
  test(name, async () => {
    const page = await browser.context.newPage();
    const problems = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    try {
      await body(page);
      assert.deepEqual(problems, [], 'console errors or CSP violations');
    } catch (err) {
      mkdirSync(SHOTS, { recursive: true });
      const file = join(SHOTS, `${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => {});
      err.message += `\n(screenshot: ${file})`;
      throw err;
    } finally {
      await page.close();
    }
  });
}

async function open(page, query) {
  await page.goto(new URL(query, BASE).toString());
  const view = new URLSearchParams(query.replace(/^.*\?/, '')).get('view') || 'overview';
  await page.waitForSelector(`body[data-ready="${view}"]`, { timeout: 10000 });
}

const sum = (xs) => xs.reduce((s, x) => s + (x || 0), 0);

pageTest('overview renders the counts of the API', async (page) => {
  const health = await getJson('/api/health');
  const weekly = await getJson('/api/counts?by=quad&per=week');
  await open(page, '/?view=overview');
  const drawn = await page.evaluate(() =>
    window.curlewCharts.timeline.data.datasets.slice(0, 4).map((d) => d.data.reduce((s, x) => s + x, 0)),
  );
  const dated = sum(weekly.rows.filter((r) => r.period).map((r) => r.events));
  assert.ok(dated > 0, 'the example corpus has dated events');
  assert.equal(sum(drawn), dated);
  assert.equal(sum(weekly.rows.map((r) => r.events)), health.events);
  const dyads = await page.evaluate(() => window.curlewCharts.dyads.data.labels.length);
  assert.ok(dyads > 0);
  const actors = await page.evaluate(() => window.curlewCharts.actors.data.labels);
  const top = await getJson('/api/actors?limit=12');
  assert.deepEqual(actors, top.actors.map((a) => a.code));
  await page.waitForFunction(() => document.querySelector('#store-info').textContent.includes('events'));
  assert.match(await page.textContent('#store-info'), new RegExp(`${health.events} events`));
});

pageTest('a click on a chart bar opens its sentences with the words marked', async (page) => {
  await open(page, '/?view=overview&per=month');
  // The first month with events of some quad class.
  const target = await page.evaluate(() => {
    const c = window.curlewCharts.timeline;
    for (let d = 0; d < 4; d++) {
      const i = c.data.datasets[d].data.findIndex((n) => n > 0);
      if (i >= 0) return { d, i, n: c.data.datasets[d].data[i], period: c.data.labels[i] };
    }
    return null;
  });
  assert.ok(target, 'some bar has events');
  const at = await chartPoint(page, 'timeline', target.d, target.i);
  await page.mouse.click(at.x, at.y);
  await page.waitForSelector('#sentences:not([hidden]) article');
  const articles = await page.$$eval('#sentences article', (els) => els.length);
  assert.equal(articles, Math.min(target.n, 50));
  const marks = await page.$$eval('#sentences article mark', (els) => els.map((e) => e.className));
  assert.ok(marks.length > 0, 'the event words are highlighted');
  const dates = await page.$$eval('#sentences article .date', (els) => els.map((e) => e.textContent));
  for (const d of dates) assert.ok(d.startsWith(target.period), `${d} is in ${target.period}`);
  // The whole report, every event marked.
  await page.click('#sentences .doc-link');
  await page.waitForSelector('#sentences .document-text mark');
});

pageTest('dyad view: both directions, the event list and a bar that opens sentences', async (page) => {
  // The busiest dyad with an event dated to the month (a bar to click).
  const top = await getJson('/api/counts?by=dyad&sort=events&limit=100');
  const q = (s, t) => `source=${encodeURIComponent(s)}&target=${encodeURIComponent(t)}&match=exact&limit=1000`;
  const monthly = (list) => list.events.some((e) => /^\d{4}-\d{2}/.test(e.date));
  let a, b, ab, ba;
  for (const row of top.rows) {
    ab = await getJson(`/api/events?${q(row.source, row.target)}`);
    if (!monthly(ab)) continue;
    ({ source: a, target: b } = row);
    ba = await getJson(`/api/events?${q(b, a)}`);
    break;
  }
  assert.ok(a, 'the example corpus has a dyad with an event dated to the month');
  await open(page, `/?view=dyad&a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`);
  const rows = await page.$$eval('#dyad-events tbody tr', (els) => els.length);
  assert.equal(rows, Math.min(ab.events.length + ba.events.length, 50));
  const drawn = await page.evaluate(() => window.curlewCharts.dyad.data.datasets[0].data.reduce((s, x) => s + x, 0));
  assert.equal(drawn, ab.events.filter((e) => /^\d{4}-\d{2}/.test(e.date)).length);
  const i = await page.evaluate(() => window.curlewCharts.dyad.data.datasets[0].data.findIndex((n) => n > 0));
  const at = await chartPoint(page, 'dyad', 0, i);
  await page.mouse.click(at.x, at.y);
  await page.waitForSelector('#sentences:not([hidden]) article');
  const labels = await page.$$eval('#sentences article .label', (els) => els.map((e) => e.textContent));
  for (const l of labels) assert.ok(l.startsWith(`${a} → ${b}`), l);
  // A row of the list opens its sentence.
  await page.click('#dyad-events tbody tr');
  await page.waitForSelector('#sentences:not([hidden]) article mark');
});

pageTest('agreements: the date slider changes the status', async (page) => {
  const list = await getJson('/api/agreements');
  assert.ok(list.agreements.length > 0, 'the example corpus has agreements');
  // An agreement with a dated step: before it, its status differs.
  const a = list.agreements.find((x) => x.steps.some((s) => /^\d{4}/.test(s.date)));
  await open(page, `/?view=agreements&id=${a.id}`);
  await page.waitForSelector('#as-of-slider');
  // The step on the slider's date is clickable (the date line lies under it).
  await page.click('svg.timeline circle.step');
  await page.waitForSelector('#sentences:not([hidden]) article .text');
  await page.keyboard.press('Escape');
  const late = await page.textContent('#status-label');
  const lateDate = await page.textContent('#as-of-label');
  assert.equal(late, (await getJson(`/api/agreements/${a.id}?as_of=${lateDate}`)).status_label);
  await page.locator('#as-of-slider').fill('0');
  await page.waitForFunction((before) => document.querySelector('#status-label').textContent !== before, late);
  const early = await page.textContent('#status-label');
  const date = await page.textContent('#as-of-label');
  const expected = await getJson(`/api/agreements/${a.id}?as_of=${date}`);
  assert.equal(early, expected.status_label);
  assert.notEqual(early, late);
  assert.equal(new URL(page.url()).searchParams.get('as_of'), date, 'the URL keeps the date');
  // A step on the timeline opens its sentence.
  await page.click('svg.timeline circle.step');
  await page.waitForSelector('#sentences:not([hidden]) article .text');
  const text = await page.textContent('#sentences article .text');
  assert.ok(a.steps.some((s) => s.source.text === text), 'the step sentence is shown');
  // Reloading keeps the date and its status.
  await page.reload();
  await page.waitForSelector('body[data-ready="agreements"] #as-of-slider');
  assert.equal(await page.textContent('#as-of-label'), date);
  assert.equal(await page.textContent('#status-label'), early);
});

pageTest('commitments: each pledge row opens its sentence', async (page) => {
  const r = await getJson('/api/commitments');
  assert.ok(r.commitments.length > 0, 'the example corpus has a commitment');
  await open(page, '/?view=commitments');
  const rows = await page.$$eval('tr.commitment', (els) => els.length);
  assert.equal(rows, r.commitments.length);
  await page.click('tr.commitment');
  await page.waitForSelector('#sentences:not([hidden]) article');
  assert.equal(await page.textContent('#sentences article .text'), r.commitments[0].source.text);
  assert.ok((await page.$$('#sentences article mark')).length > 0, 'the pledge words are highlighted');
});

pageTest('the URL keeps the filters', async (page) => {
  await open(page, '/?view=overview');
  const actor = (await getJson('/api/actors?limit=1')).actors[0].code;
  await page.fill('input[name=from]', '2021-01-01');
  await page.fill('input[name=to]', '2021-12-31');
  await page.fill('input[name=actor]', actor);
  await page.click('form.filters button[type=submit]');
  await page.waitForSelector('body[data-ready="overview"]');
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('from'), '2021-01-01');
  assert.equal(url.searchParams.get('to'), '2021-12-31');
  assert.equal(url.searchParams.get('actor'), actor);
  const expected = await getJson(`/api/counts?by=quad&per=week&from=2021-01-01&to=2021-12-31&actor=${actor}`);
  const check = async () => {
    const drawn = await page.evaluate(() =>
      window.curlewCharts.timeline.data.datasets.slice(0, 4).reduce((s, d) => s + d.data.reduce((a, x) => a + x, 0), 0),
    );
    assert.equal(drawn, sum(expected.rows.filter((r) => r.period).map((r) => r.events)));
    assert.equal(await page.inputValue('input[name=actor]'), actor);
  };
  await check();
  await page.reload();
  await page.waitForSelector('body[data-ready="overview"]');
  await check();
  // The dates follow to another page, and back returns to the filtered view.
  await page.click('nav a[data-view=dyad]');
  await page.waitForSelector('body[data-ready="dyad"]');
  assert.equal(new URL(page.url()).searchParams.get('from'), '2021-01-01');
  await page.goBack();
  await page.waitForSelector('body[data-ready="overview"]');
  await check();
});

pageTest('every response carries the Content-Security-Policy', async (page) => {
  for (const path of ['/', '/app.js', '/api/health', '/api/nope', '/missing']) {
    const res = await page.request.get(new URL(path, BASE).toString());
    assert.match(res.headers()['content-security-policy'] || '', /default-src 'none'/, path);
  }
});
