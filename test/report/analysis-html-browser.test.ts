// An analysis's report.html, with its charts rendered, opened from disk in real Chromium for each method: it loads
// without errors, asks the network for nothing, and shows every chart, the findings and the results, the chosen PRIM
// step highlighted. Skipped, saying why, where Chromium is not installed (.ci/run installs it).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { analysisTitle } from '../../src/report/messages.ts';
import { analysisFindings } from '../../src/report/analysis-findings.ts';
import { buildAnalysisReport } from '../../src/report/build.ts';
import { analyses, primAnalysis } from './analysis-fixture.ts';
import { chromiumAvailable, launchChromium } from './browser.ts';

const up = chromiumAvailable();
if (!up.ok) console.warn(`SKIPPED: the analysis report in a browser test (test/report/analysis-html-browser.test.ts): ${up.reason}`);

const dir = mkdtempSync(join(tmpdir(), 'partnersim-analysis-browser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PROVENANCE = { version: '0.1.0', commit: null, node: 'v20.20.0', command: 'partnersim analyse results/levers' };

describe('an analysis report in Chromium', () => {
  it.skipIf(!up.ok)(
    'loads each method’s page from file:// with no errors and no requests, and shows every chart, the findings and the results',
    async () => {
      const browser = await launchChromium();
      try {
        const requests: string[] = [];
        browser.context.on('request', (request) => requests.push(request.url()));
        for (const { name, analysis } of analyses()) {
          const title = analysisTitle(analysis.method, analysis.sweep.name, analysis.metric);
          const { html, charts } = await buildAnalysisReport(title, analysis, PROVENANCE);
          const file = join(dir, `${name}.html`);
          writeFileSync(file, html);
          const url = pathToFileURL(file).href;
          const errors: string[] = [];
          const page = await browser.context.newPage();
          page.on('console', (message) => {
            if (message.type() === 'error') errors.push(`console: ${message.text()}`);
          });
          page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
          requests.length = 0;
          await page.goto(url, { waitUntil: 'load' });
          await page.waitForLoadState('networkidle');

          expect(errors, name).toEqual([]);
          expect(requests, name).toEqual([url]);
          expect(await page.title()).toBe(title);
          expect(charts).toHaveLength(2);
          for (const chart of charts) {
            const figure = page.locator(`figure#${chart.id}`);
            await expect.poll(() => figure.isVisible()).toBe(true);
            const box = await figure.locator('svg').first().boundingBox();
            expect(box, chart.id).not.toBeNull();
            expect(box!.width).toBeGreaterThan(300);
            expect(box!.height).toBeGreaterThan(100);
          }
          expect(await page.locator('#findings li').allInnerTexts()).toEqual(analysisFindings(analysis));
          expect(await page.locator('#results table').first().isVisible()).toBe(true);
          if (name === 'prim') {
            const chosen = page.locator('#trajectory-1 tr.chosen');
            expect(await chosen.locator('th').innerText()).toMatch(/^7\s+CHOSEN$/);
            const background = await chosen
              .locator('td')
              .first()
              .evaluate((cell) => getComputedStyle(cell).backgroundColor);
            expect(background).toBe('rgb(255, 229, 138)');
          }
          await page.close();
        }
      } finally {
        await browser.close();
      }
    },
    120_000,
  );

  it.skipIf(!up.ok)(
    'keeps the PRIM table of limits of three boxes within the page at 1280 px when quasi-p-values are as small as 10⁻⁵²',
    async () => {
      // As the README's worked example: three boxes, each restricting the carrot with a vanishing quasi-p-value.
      const analysis = primAnalysis();
      const tinyP = (trajectory: (typeof analysis.result.boxes)[number], p: number) => ({
        ...trajectory,
        box: { ...trajectory.box, quasiP: trajectory.box.quasiP.map((q) => (q === null ? null : p)) },
      });
      const [first, second] = analysis.result.boxes;
      const tiny = {
        ...analysis,
        result: { ...analysis.result, boxes: [tinyP(first, 1.4e-52), tinyP(second, 7.24e-33), tinyP(second, 4.44e-15)] },
      };
      const { html } = await buildAnalysisReport(analysisTitle('prim', tiny.sweep.name, tiny.metric), tiny, PROVENANCE);
      const file = join(dir, 'prim-tiny.html');
      writeFileSync(file, html);
      const browser = await launchChromium();
      try {
        const page = await browser.context.newPage();
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        const table = page.locator('#box-limits');
        expect(await table.locator('td.differs').first().innerText()).toContain('quasi-p 1.4 × 10⁻⁵²');
        const fit = await table.evaluate((element) => {
          const scroll = element.parentElement as HTMLElement;
          const caption = element.querySelector('caption') as HTMLElement;
          return {
            table: element.getBoundingClientRect().width,
            room: scroll.clientWidth,
            overflow: scroll.scrollWidth - scroll.clientWidth,
            captionCut: caption.getBoundingClientRect().right > scroll.getBoundingClientRect().right + 0.5,
          };
        });
        expect(fit.table).toBeLessThanOrEqual(fit.room);
        expect(fit.overflow).toBe(0);
        expect(fit.captionCut).toBe(false);
        await page.close();
      } finally {
        await browser.close();
      }
    },
    120_000,
  );
});
