// Key findings: sentences built from the numbers, the clearest differences first, and the fund-end outcome.
import { describe, expect, it } from 'vitest';
import type { Comparison, Difference, ScenarioSummary } from '../../src/analysis/comparison.ts';
import type { Summary } from '../../src/analysis/stats.ts';
import { METRIC_NAMES, type MetricName } from '../../src/engine/types.ts';
import * as message from '../../src/report/messages.ts';
import { keyFindings } from '../../src/report/findings.ts';

const summary = (mean: number | null, ci95: [number, number] | null = null): Summary => ({ mean, sd: null, ci95 });

function scenario(name: string, values: Partial<Record<MetricName, number>>): ScenarioSummary {
  const metrics = Object.fromEntries(METRIC_NAMES.map((metric) => [metric, summary(values[metric] ?? 1)])) as Record<MetricName, Summary>;
  return { name, description: '', scenarioHash: 'h', steps: 120, stepsPerYear: 12, organisations: 100, replicates: 8, metrics };
}

const difference = (scenarioName: string, metric: MetricName, mean: number, ci95: [number, number], effectSize: number): Difference => ({
  scenario: scenarioName,
  baseline: 'baseline',
  metric,
  pairs: 8,
  mean,
  ci95,
  effectSize,
});

const empty = { survival: [], hazard: [], series: [], levels: [], levers: [] };

describe('keyFindings', () => {
  const base = scenario('baseline', { survival5y: 0.68, partnershipsActiveAtEnd: 8, meanTrustAtEnd: 0.5 });
  const carrots = scenario('carrots', { survival5y: 0.41, partnershipsActiveAtEnd: 12, meanTrustAtEnd: 0.52 });
  const sticks = scenario('sticks', {});

  it('names each scenario’s clear differences, largest effect first, and says when there is none', () => {
    const comparison: Comparison = {
      baseline: 'baseline',
      scenarios: [base, carrots, sticks],
      differences: [
        difference('carrots', 'partnershipsActiveAtEnd', 4, [2, 6], 1.2),
        difference('carrots', 'survival5y', -0.27, [-0.33, -0.21], -3.1),
        difference('carrots', 'meanTrustAtEnd', 0.02, [-0.01, 0.05], 0.4),
        difference('sticks', 'survival5y', 0.01, [-0.02, 0.04], 0.2),
      ],
      ...empty,
    };
    expect(keyFindings(comparison)).toEqual([
      message.findingDifference('carrots', 'baseline', 'survival5y', 0.41, 0.68, -0.27, [-0.33, -0.21]),
      message.findingDifference('carrots', 'baseline', 'partnershipsActiveAtEnd', 12, 8, 4, [2, 6]),
      message.findingNoDifference('sticks', 'baseline', 8),
    ]);
    expect(keyFindings(comparison)[0]).toBe(
      'Fewer partnerships lasted 5 years under carrots than under baseline: 41% against 68% (difference −27.0 points, 95% CI −33.0 to −21.0 points).',
    );
  });

  it('words each metric’s difference in its own grammar, never "<metric> is higher"', () => {
    expect(message.findingDifference('carrots', 'baseline', 'partnershipsFormed', 120, 97.5, 22.5, [3.88, 41.1])).toBe(
      'More partnerships formed under carrots than under baseline: 120 against 97.5 (difference +22.5, 95% CI +3.88 to +41.1).',
    );
    expect(message.findingDifference('sticks', 'baseline', 'meanTrustAtEnd', 0.4, 0.5, -0.1, [-0.15, -0.05])).toBe(
      'Trust between organisations ended lower under sticks than under baseline: 0.4 against 0.5 (difference −0.1, 95% CI −0.15 to −0.05).',
    );
    for (const metric of METRIC_NAMES) {
      for (const sign of [1, -1]) {
        const sentence = message.findingDifference('x', 'y', metric, 1, 1, sign * 0.5, [sign * 0.25, sign * 0.75]);
        expect(sentence).toMatch(/^[A-Z][^:]* under x than under y: /);
        expect(sentence).not.toMatch(/\b(is|are) (higher|lower)\b/);
        expect(sentence.startsWith(message.DIFFERENCE_WORDS[metric][sign > 0 ? 'higher' : 'lower'])).toBe(true);
      }
    }
  });

  it('opens with how partnerships fare after the fund ends, against the baseline', () => {
    const comparison: Comparison = {
      baseline: 'baseline',
      scenarios: [base, carrots],
      differences: [],
      ...empty,
      fundEnd: {
        scenario: 'carrots',
        step: 48,
        years: 2,
        shares: [
          { scenario: 'baseline', share: summary(0.68, [0.64, 0.72]) },
          { scenario: 'carrots', share: summary(0.41, [0.37, 0.45]) },
        ],
      },
    };
    expect(keyFindings(comparison)[0]).toBe(
      'Under carrots, 41% (95% CI 37–45%) of the partnerships active when the fund ends (year 4) are still active two years later, against 68% (64–72%) under baseline.',
    );
  });

  it('summarises a single scenario', () => {
    const comparison: Comparison = { baseline: 'baseline', scenarios: [base], differences: [], ...empty };
    expect(keyFindings(comparison)).toEqual([message.findingSingle('baseline', 8, 10, 1, 8, 1, 0.68)]);
    expect(message.findingSingle('baseline', 1, 10, 12, 9, 0.734, null)).toBe(
      'In one run of baseline (10 years), 12 partnerships form and 9 are active at the end; 73% of organisations take part, and no partnership reached five years, so 5-year survival is not measured.',
    );
  });
});
