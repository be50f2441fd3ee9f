// Screenshots of the four pages for the documentation:
//   node web/tests/screenshots.mjs URL OUT_DIR
// writes OUT_DIR/dashboard-{overview,dyad,agreements,commitments}.png; on
// the overview, the sentence panel of one bar is open.
import { join } from 'node:path';
import { chartPoint, launch } from './browser.mjs';

const [base, out] = process.argv.slice(2);
if (!base || !out) {
  console.error('usage: node screenshots.mjs URL OUT_DIR');
  process.exit(2);
}
const browser = await launch();
try {
  const page = await browser.context.newPage();
  const open = async (path, view) => {
    await page.goto(new URL(path, base).toString());
    await page.waitForSelector(`body[data-ready="${view}"]`, { timeout: 30000 });
  };
  await open('/?view=overview&from=2019-01-01&to=2019-12-31', 'overview');
  const at = await chartPoint(page, 'timeline', 3, 20);
  await page.mouse.click(at.x, at.y);
  await page.waitForSelector('#sentences:not([hidden]) article');
  await page.screenshot({ path: join(out, 'dashboard-overview.png') });
  await open('/?view=dyad&a=TUR&b=IND&from=2018-01&to=2020-12', 'dyad');
  await page.screenshot({ path: join(out, 'dashboard-dyad.png') });
  await open('/?view=agreements', 'agreements');
  await page.click('svg.timeline circle.step');
  await page.waitForSelector('#sentences:not([hidden]) article');
  await page.screenshot({ path: join(out, 'dashboard-agreements.png') });
  await open('/?view=commitments', 'commitments');
  await page.click('tr.commitment');
  await page.waitForSelector('#sentences:not([hidden]) article');
  await page.screenshot({ path: join(out, 'dashboard-commitments.png') });
} finally {
  await browser.close();
}
