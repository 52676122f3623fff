// A calibration's report from a real (toy) calibration: its findings in plain words, its charts rendered without a
// warning, its page self-contained, and in Chromium it loads offline with every chart and the findings shown.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { posteriorGeneration } from '../../src/calibration/abc.ts';
import { calibrate, DEFAULT_SETTINGS } from '../../src/calibration/calibrate.ts';
import { drawStandardNormal } from '../../src/calibration/normal.ts';
import { predictiveCheck, summarisePosterior } from '../../src/calibration/posterior.ts';
import type { CalibrationSpec, CalibrationTarget } from '../../src/calibration/schema.ts';
import { buildCalibrationReport } from '../../src/report/calibration-build.ts';
import { calibrationFindings, LOOSE, PINNED, TRADE_OFF, type CalibrationView } from '../../src/report/calibration-findings.ts';
import {
  calibrationTitle,
  findingLoose,
  findingPinned,
  findingPriorCannotMeetBoth,
  findingTargetMet,
  findingTargetMissed,
  findingTradeOff,
  statisticLabel,
} from '../../src/report/calibration-words.ts';
import { createRng } from '../../src/random.ts';
import { chromiumAvailable, launchChromium } from './browser.ts';

const up = chromiumAvailable();
if (!up.ok) console.warn(`SKIPPED: the calibration report in a browser (test/report/calibration-report.test.ts): ${up.reason}`);

const dir = mkdtempSync(join(tmpdir(), 'partnersim-calibration-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Returns the view of a toy calibration: two parameters in [0, 1], two shares as targets, 4 generations unless told. */
async function toyView(
  targets: readonly CalibrationTarget[],
  simulate: (values: readonly number[], seed: number) => number[],
  generations = 4,
): Promise<CalibrationView> {
  const parameters = [
    { name: 'market.competition', prior: { kind: 'uniform', min: 0, max: 1 } as const },
    { name: 'leaders.experience', prior: { kind: 'uniform', min: 0, max: 1 } as const },
  ];
  const settings = { ...DEFAULT_SETTINGS, particles: 60, generations, predictive: 40, tolerance: 0, seed: 7 };
  const result = await calibrate({ parameters, targets, simulate, ...settings });
  const calibration: CalibrationSpec = { name: 'toy', description: 'a toy', parameters, targets, settings };
  const generation = posteriorGeneration(result.generations);
  return {
    calibration,
    hash: 'f00d',
    scenario: { name: 'tiny', hash: 'beef' },
    result,
    posterior: generation === undefined ? null : summarisePosterior(parameters, generation),
    checks: generation === undefined ? null : predictiveCheck(targets, result.check),
  };
}

const noise = (seed: number) => {
  const rng = createRng(seed);
  return () => 0.02 * drawStandardNormal(rng);
};

const SURVIVAL: CalibrationTarget = {
  statistic: 'survival',
  age: 5,
  observed: 0.45,
  sd: null,
  interval: [0.35, 0.55],
  source: 'Harrigan (1988)',
};
const PARTICIPATION: CalibrationTarget = { statistic: 'participationAtEnd', observed: 0.6, sd: 0.03, interval: null, source: 'assumption' };

describe('the findings of a calibration', { timeout: 120_000 }, () => {
  it('say which targets are met, which parameters the targets pin down or leave to the prior, and the pair that trades off', async () => {
    // Survival falls with competition and rises with experience: only their difference matters to it, so the two
    // move together along a ridge; participation hardly depends on either.
    const view = await toyView(
      [
        { ...SURVIVAL, interval: null, sd: 0.02 },
        { ...PARTICIPATION, sd: 0.2 },
      ],
      ([c, e], seed) => {
        const e2 = noise(seed);
        return [0.5 - 0.4 * c + 0.4 * e + e2(), 0.58 + 0.05 * c + e2()];
      },
    );
    const findings = calibrationFindings(view);
    const posterior = view.posterior!;
    const checks = view.checks!;
    const interval: [number, number] = [0.45 - 0.02 * 1.959963984540054, 0.45 + 0.02 * 1.959963984540054];
    expect(findings).toContain(
      findingTargetMet(statisticLabel(SURVIVAL), checks[0].median!, checks[0].ci90!, 0.45, interval, 'Harrigan (1988)'),
    );
    expect(posterior.correlations[0][1]).toBeGreaterThan(TRADE_OFF);
    expect(findings).toContain(findingTradeOff('market.competition', 'leaders.experience', posterior.correlations[0][1]!));
    for (const p of posterior.parameters) {
      const ratio = (p.ci90[1] - p.ci90[0]) / (p.prior.ci90[1] - p.prior.ci90[0]);
      if (ratio < PINNED) expect(findings).toContain(findingPinned(p.name, p.ci90, ratio));
      else if (ratio > LOOSE) expect(findings).toContain(findingLoose(p.name, p.ci90, ratio));
      else expect(findings.some((f) => f.includes(`about ${p.name}:`) || f.includes(`down ${p.name}:`))).toBe(false);
    }
  });

  it('say when no prior draw meets two targets together, though each alone is met, and that a target is missed', async () => {
    // Both statistics are the same parameter: no value is near both 0.2 and 0.8.
    const low: CalibrationTarget = { ...SURVIVAL, observed: 0.2, interval: [0.15, 0.25] };
    const high: CalibrationTarget = { ...PARTICIPATION, observed: 0.8, sd: 0.03 };
    const view = await toyView([low, high], ([c], seed) => {
      const e = noise(seed);
      return [c + e(), c + e()];
    });
    const findings = calibrationFindings(view);
    const draws = view.result.generations[0].records.length;
    const within = (k: number, lo: number, hi: number) =>
      view.result.generations[0].records.filter(
        (r) => r.status === 'ok' && (r.statistics[k] as number) >= lo && (r.statistics[k] as number) <= hi,
      ).length / draws;
    expect(findings).toContain(
      findingPriorCannotMeetBoth(
        statisticLabel(low),
        statisticLabel(high),
        draws,
        within(0, 0.15, 0.25),
        within(1, 0.8 - 0.03 * 1.959963984540054, 0.8 + 0.03 * 1.959963984540054),
      ),
    );
    expect(
      findings.some((f) => f.startsWith(`${'Survival to 5 years'} is not met`) || f.startsWith('Participation at end is not met')),
    ).toBe(true);
    const check = view.checks![0];
    if (!(check.median! >= 0.15 && check.median! <= 0.25))
      expect(findings).toContain(
        findingTargetMissed(statisticLabel(low), check.median!, check.ci90!, 0.2, [0.15, 0.25], check.within!, low.source),
      );
    const loose = view.posterior!.parameters[1];
    expect(findings).toContain(
      findingLoose('leaders.experience', loose.ci90, (loose.ci90[1] - loose.ci90[0]) / (loose.prior.ci90[1] - loose.prior.ci90[0])),
    );
  });
});

describe('the report of a calibration', { timeout: 120_000 }, () => {
  const PROVENANCE = { version: '0.1.0', commit: null, node: 'v20.20.0', command: 'partnersim calibrate calibrations/toy.yaml' };

  it('renders every chart without a warning into a self-contained page, and in Chromium loads offline showing them', async () => {
    const view = await toyView([SURVIVAL, PARTICIPATION], ([c, e], seed) => {
      const e2 = noise(seed);
      return [0.5 - 0.3 * c + 0.2 * e + e2(), 0.4 + 0.3 * e + e2()];
    });
    const { html, charts } = await buildCalibrationReport(view, PROVENANCE);
    expect(charts.map((c) => c.id)).toEqual(['priors-posteriors', 'correlations', 'pairs', 'generations', 'predictive-check']);
    for (const chart of charts) expect(html).toContain(`<figure class="chart" id="${chart.id}">`);
    expect(html).not.toMatch(/<script|https?:\/\/(?!vega\.github\.io|www\.w3\.org)/);
    if (!up.ok) return;
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    const browser = await launchChromium();
    try {
      const requests: string[] = [];
      browser.context.on('request', (request) => requests.push(request.url()));
      const errors: string[] = [];
      const page = await browser.context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      const url = pathToFileURL(file).href;
      await page.goto(url, { waitUntil: 'load' });
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
      expect(await page.title()).toBe(calibrationTitle('toy', 'tiny'));
      for (const chart of charts) {
        const box = await page.locator(`figure#${chart.id} svg`).first().boundingBox();
        expect(box, chart.id).not.toBeNull();
        expect(box!.width).toBeGreaterThan(200);
      }
      expect(await page.locator('#findings li').allInnerTexts()).toEqual(calibrationFindings(view));
      expect(await page.locator('#posterior table').isVisible()).toBe(true);
    } finally {
      await browser.close();
    }
  });

  it('draws the acceptance alone, without a tolerance, when the calibration stopped after generation 0', async () => {
    const view = await toyView(
      [SURVIVAL, PARTICIPATION],
      ([c, e], seed) => {
        const e2 = noise(seed);
        return [0.5 - 0.3 * c + 0.2 * e + e2(), 0.4 + 0.3 * e + e2()];
      },
      1,
    );
    expect(view.result.generations.map((g) => g.tolerance)).toEqual([null]);
    const { html, charts } = await buildCalibrationReport(view, PROVENANCE);
    expect(charts.map((c) => c.id)).toEqual(['priors-posteriors', 'correlations', 'pairs', 'generations', 'predictive-check']);
    const svg = charts.find((c) => c.id === 'generations')!.svg;
    expect(svg).toContain('Share of runs accepted');
    expect(svg).not.toContain('Tolerance');
    expect(html).toContain('No tolerance is drawn: generation 0 accepts any measured run');
  });
});
