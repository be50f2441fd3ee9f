// Time to interactive of each dashboard page in headless Chromium:
//   node web/tests/perf.mjs URL [RUNS]
// For each page, RUNS loads (default 7) in fresh tabs of one browser; a
// page is interactive when its data is drawn and its handlers are attached
// (main.js then sets body[data-ready] and window.curlewReadyAt, in ms since
// the navigation started). Prints the median and the slowest run of that
// time and of the wall-clock time from the navigation request to the ready
// mark as Playwright sees it, and the median CPU time of the page's main
// thread until then (Chrome's ThreadTime metric), which does not grow when
// other programs load the machine.
import { launch } from './browser.mjs';

const base = process.argv[2];
const runs = Number(process.argv[3] || 7);
if (!base) {
  console.error('usage: node perf.mjs URL [RUNS]');
  process.exit(2);
}
const PAGES = {
  overview: '/?view=overview',
  dyad: '/?view=dyad&a=TUR&b=IND',
  agreements: '/?view=agreements',
  commitments: '/?view=commitments',
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const browser = await launch();
let failed = false;
try {
  // One warm-up load, so the first measured run is not the browser's start.
  const warm = await browser.context.newPage();
  await warm.goto(new URL(PAGES.overview, base).toString());
  await warm.waitForSelector('body[data-ready="overview"]', { timeout: 30000 });
  await warm.close();
  for (const [view, path] of Object.entries(PAGES)) {
    const ready = [];
    const wall = [];
    const cpu = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.context.newPage();
      // CPU time of the page's main thread until it is ready (Chrome's
      // ThreadTime): what the page costs the browser, whatever else the
      // machine is doing.
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      const t0 = Date.now();
      await page.goto(new URL(path, base).toString());
      await page.waitForSelector(`body[data-ready="${view}"]`, { timeout: 30000 });
      wall.push(Date.now() - t0);
      ready.push(await page.evaluate(() => window.curlewReadyAt));
      const { metrics } = await cdp.send('Performance.getMetrics');
      cpu.push(1000 * metrics.find((m) => m.name === 'ThreadTime').value);
      await cdp.detach();
      await page.close();
    }
    const line = {
      page: view,
      runs,
      interactive_ms_median: Math.round(median(ready)),
      interactive_ms_max: Math.round(Math.max(...ready)),
      wall_ms_median: median(wall),
      wall_ms_max: Math.max(...wall),
      main_thread_cpu_ms_median: Math.round(median(cpu)),
    };
    if (line.interactive_ms_median >= 1000) failed = true;
    console.log(JSON.stringify(line));
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
