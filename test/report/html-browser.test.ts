// report.html opened from disk in real Chromium: it loads without errors, asks the network for nothing, and shows every
// chart, the findings and the metric table. Skipped, saying why, where Chromium is not installed (.ci/run installs it).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Comparison, ScenarioSummary } from '../../src/analysis/comparison.ts';
import type { Summary } from '../../src/analysis/stats.ts';
import { METRIC_NAMES, type MetricName } from '../../src/engine/types.ts';
import { renderReportHtml, type ReportChart } from '../../src/report/html.ts';
import { chromiumAvailable, launchChromium } from './browser.ts';

const up = chromiumAvailable();
if (!up.ok) console.warn(`SKIPPED: the report in a browser test (test/report/html-browser.test.ts): ${up.reason}`);

const dir = mkdtempSync(join(tmpdir(), 'partnersim-report-browser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const summary = (mean: number | null): Summary => ({
  mean,
  sd: mean === null ? null : 0.1,
  ci95: mean === null ? null : [mean - 0.05, mean + 0.05],
});

function scenario(name: string, shift: number): ScenarioSummary {
  const metrics = Object.fromEntries(METRIC_NAMES.map((m, i) => [m, summary(m === 'survival5y' ? null : 0.3 + i / 20 + shift)])) as Record<
    MetricName,
    Summary
  >;
  return {
    name,
    description: `The ${name} scenario.`,
    scenarioHash: `hash-${name}`,
    steps: 120,
    stepsPerYear: 12,
    organisations: 200,
    replicates: 4,
    metrics,
  };
}

const comparison: Comparison = {
  baseline: 'baseline',
  scenarios: [scenario('baseline', 0), scenario('carrots <end>', 0.1)],
  differences: METRIC_NAMES.map((metric) => ({
    scenario: 'carrots <end>',
    baseline: 'baseline',
    metric,
    pairs: 4,
    mean: 0.1,
    ci95: [0.02, 0.18] as const,
    effectSize: 1.2,
  })),
  survival: [],
  hazard: [],
  series: [],
  levels: [],
  levers: [],
};

/** A small hand-written SVG chart: a frame, a few bars and a label, with an XML declaration as renderers write one. */
const svgChart = (label: string, bars: readonly number[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200">` +
  `<rect x="0.5" y="0.5" width="399" height="199" fill="none" stroke="#888"/>` +
  bars.map((b, i) => `<rect x="${30 + i * 60}" y="${180 - b}" width="40" height="${b}" fill="#4c78a8"/>`).join('') +
  `<text x="200" y="20" text-anchor="middle" font-family="sans-serif" font-size="12">${label}</text></svg>`;

const charts: ReportChart[] = [
  {
    id: 'survival',
    title: 'Partnership survival',
    caption: 'Kaplan-Meier curves with 95% bands.',
    svg: svgChart('survival', [120, 90, 60]),
  },
  { id: 'active', title: 'Active partnerships', caption: 'Mean over replicates.', svg: svgChart('active', [40, 80, 120, 160]) },
  { id: 'levels', title: 'Continuum levels', caption: 'Share at each level.', svg: svgChart('levels', [100, 50]) },
];

const findings = ['Participation at end is higher under carrots <end> than under baseline.', 'Nothing else differs clearly.'];

const html = renderReportHtml({
  title: 'partnersim: carrots <end> compared with baseline',
  comparison,
  levers: [
    { scenario: 'baseline', levers: { 'policy.carrot': '0.5', 'policy.stick': '0.2' } },
    { scenario: 'carrots <end>', levers: { 'policy.carrot': '0.8 from step 12, 0 from step 48', 'policy.stick': '0.2' } },
  ],
  findings,
  charts,
  provenance: {
    version: '0.1.0',
    commit: null,
    node: 'v20.20.0',
    command: 'partnersim compare baseline.yaml carrots.yaml --reps 4',
    masterSeed: 42,
    seeds: [11, 22, 33, 44],
    scenarios: [
      { name: 'baseline', hash: 'hash-baseline' },
      { name: 'carrots <end>', hash: 'hash-carrots' },
    ],
  },
});

describe('report.html in Chromium', () => {
  it.skipIf(!up.ok)(
    'loads from file:// with no errors and no requests, and shows every chart, the findings and the metric table',
    async () => {
      const file = join(dir, 'report.html');
      writeFileSync(file, html);
      const url = pathToFileURL(file).href;
      const browser = await launchChromium();
      try {
        const errors: string[] = [];
        const requests: string[] = [];
        const { context } = browser;
        // Requests from anything in the context (service workers, other pages), not only the page itself.
        context.on('request', (request) => requests.push(request.url()));
        const page = await context.newPage();
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(`console: ${message.text()}`);
        });
        page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForLoadState('networkidle');

        expect(errors).toEqual([]);
        expect(requests).toEqual([url]);

        for (const chart of charts) {
          const figure = page.locator(`figure#${chart.id}`);
          await expect.poll(() => figure.isVisible()).toBe(true);
          const box = await figure.locator('svg').boundingBox();
          expect(box, chart.id).not.toBeNull();
          expect(box!.width).toBeGreaterThan(0);
          expect(box!.height).toBeGreaterThan(0);
          expect(await figure.locator('figcaption').innerText()).toContain(chart.title);
        }

        expect(await page.locator('#findings li').allInnerTexts()).toEqual(findings);
        const metricTable = page.locator('#metrics table');
        expect(await metricTable.isVisible()).toBe(true);
        expect(await metricTable.locator('tr.metric').count()).toBe(METRIC_NAMES.length);
        expect(await metricTable.locator('tbody tr:not(.metric)').count()).toBe(METRIC_NAMES.length * 2);
        expect(await page.title()).toBe('partnersim: carrots <end> compared with baseline');
      } finally {
        await browser.close();
      }
    },
    90_000,
  );
});
