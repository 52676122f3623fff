// The report `partnersim compare` writes, opened in real headless Chromium (Debian's, driven by playwright-core): no
// console errors, no request but the file itself, and every chart the comparison has drawn, visible.
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../report/browser.ts';
import { runCli, tinyScenario, useTempDir } from './fixtures.ts';

const up = chromiumAvailable();
if (!up.ok) console.warn(`SKIPPED: the compare report in a browser test (test/cli/compare-browser.test.ts): ${up.reason}`);

const tmp = useTempDir('compare-browser', {
  'tiny.yaml': tinyScenario({ steps: 48 }),
  'funded.yaml':
    'extends: tiny.yaml\nname: funded\npolicy:\n  carrot: [{from: 0, value: 0}, {from: 3, value: 0.8}, {from: 18, value: 0}]\n',
});

describe('the report of partnersim compare in Chromium', { timeout: 120_000 }, () => {
  it.skipIf(!up.ok)('opens offline with no errors and no requests, and shows every chart', async () => {
    const dir = tmp.path('out');
    expect((await runCli(['compare', tmp.path('tiny.yaml'), tmp.path('funded.yaml'), '--reps', '3', '--out', dir, '--quiet'])).code).toBe(
      0,
    );
    const charts = readdirSync(`${dir}/charts`)
      .filter((name) => name.endsWith('.svg'))
      .map((name) => name.replace(/\.svg$/, ''));
    expect(charts.length).toBeGreaterThanOrEqual(8);
    const url = pathToFileURL(`${dir}/report.html`).href;
    const browser = await launchChromium();
    try {
      const errors: string[] = [];
      const requests: string[] = [];
      browser.context.on('request', (request) => requests.push(request.url()));
      const page = await browser.context.newPage();
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
      for (const id of charts) {
        const svg = page.locator(`figure#${id} svg`).first();
        expect(await svg.isVisible(), id).toBe(true);
        const box = await svg.boundingBox();
        expect(box!.width * box!.height, id).toBeGreaterThan(10_000);
      }
      expect(await page.locator('#findings li').count()).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  });
});
