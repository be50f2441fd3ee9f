// Shared by the browser tests and the measuring scripts: Debian's chromium
// through playwright-core (no browser download), with the flags this
// project's machines need, in a fresh profile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// A browser context in a new, empty profile; close() also removes it.
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'curlew-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1360, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Where the centre of bar or point `index` of dataset `dataset` of the
// chart named `name` is drawn, in page pixels.
export function chartPoint(page, name, dataset, index) {
  return page.evaluate(
    ([n, d, i]) => {
      const chart = window.curlewCharts[n];
      const el = chart.getDatasetMeta(d).data[i];
      const box = chart.canvas.getBoundingClientRect();
      const props = el.getProps(['x', 'y', 'base', 'horizontal'], true);
      const horizontal = chart.options.indexAxis === 'y';
      const x = horizontal && props.base !== undefined ? (props.x + props.base) / 2 : props.x;
      const y = !horizontal && props.base !== undefined ? (props.y + props.base) / 2 : props.y;
      return { x: box.left + x, y: box.top + y };
    },
    [name, dataset, index],
  );
}
