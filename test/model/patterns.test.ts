// Pattern-oriented checks (Grimm et al. 2005): the seven patterns of docs/ODD.md §1.2, each as a directional
// comparison over replicates with fixed seeds, on the shipped scenarios.
import { describe, expect, it, vi } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import { nodeHost } from '../../src/cli/node-host.ts';
import { runReplicates } from '../../src/engine/run.ts';
import { Simulation } from '../../src/engine/simulation.ts';
import { replicateSeed } from '../../src/random.ts';
import type { MetricName, RunResult } from '../../src/engine/types.ts';

const REPS = 8;
// Each scenario's replicates are run in the first test that asks for them: on a loaded machine that takes a while.
vi.setConfig({ testTimeout: 60_000 });
const cache = new Map<string, RunResult[]>();

/** Returns REPS replicates of a shipped scenario, with --set style overrides, run once per test file. */
function replicates(file: string, set: string[] = []): RunResult[] {
  const key = [file, ...set].join(' ');
  if (!cache.has(key)) cache.set(key, runReplicates(loadScenario(`scenarios/${file}.yaml`, nodeHost, { set }), REPS));
  return cache.get(key) as RunResult[];
}

/** Returns the mean of a metric over replicates (skipping nulls). */
function mean(results: RunResult[], metric: MetricName): number {
  const values = results.map((r) => r.metrics[metric]).filter((v): v is number => v !== null);
  return values.reduce((s, v) => s + v, 0) / values.length;
}

describe('pattern 2: carrots multiply partnerships; those held by funding alone dissolve when it ends', () => {
  it('has more active partnerships while the fund runs than the baseline has then', () => {
    const activeAt = (rs: RunResult[], step: number) => rs.reduce((s, r) => s + r.timeseries[step - 1].active, 0) / rs.length;
    expect(activeAt(replicates('carrots'), 48)).toBeGreaterThan(1.2 * activeAt(replicates('baseline'), 48));
  });

  it('loses members to the end of funding after the fund closes', () => {
    const fundingEnded = replicates('carrots')
      .flatMap((r) => r.events)
      .filter((e) => e.kind === 'left' && e.cause === 'funding-ended');
    expect(fundingEnded.length).toBeGreaterThan(REPS * 5);
    expect(fundingEnded.every((e) => e.step >= 48)).toBe(true);
  });

  it('keeps the funded partnerships richest in social capital more often than the poorest', () => {
    const scenario = loadScenario('scenarios/carrots.yaml', nodeHost);
    const atFundEnd: { score: number; kept: boolean }[] = [];
    for (let r = 0; r < REPS; r++) {
      const sim = new Simulation(scenario, replicateSeed(scenario.time.seed, r));
      while (sim.step < 48) sim.advance();
      const funded = sim.world.active
        .map((id) => sim.world.partnerships[id])
        .filter((p) => p.funded)
        .map((p) => [p.id, p.score] as const);
      while (sim.step < 72) sim.advance();
      for (const [id, score] of funded) atFundEnd.push({ score, kept: sim.world.partnerships[id].endedStep === null });
    }
    // Thirds by continuum score (Dhillon's trust, network, norms and motivation) when the fund closed.
    atFundEnd.sort((x, y) => x.score - y.score);
    const third = Math.floor(atFundEnd.length / 3);
    const kept = (group: typeof atFundEnd) => group.filter((p) => p.kept).length / group.length;
    expect(third).toBeGreaterThan(20);
    expect(kept(atFundEnd.slice(-third))).toBeGreaterThan(kept(atFundEnd.slice(0, third)) + 0.1);
  });
});

describe('pattern 3: sticks produce many partnerships that stay weak', () => {
  it('raises participation and lowers the share of strong partnerships', () => {
    expect(mean(replicates('sticks'), 'participationAtEnd')).toBeGreaterThan(mean(replicates('baseline'), 'participationAtEnd') + 0.05);
    expect(mean(replicates('sticks'), 'strongShareAtEnd')).toBeLessThan(mean(replicates('baseline'), 'strongShareAtEnd'));
  });
});

describe('pattern 4: competition weakens and shortens partnerships', () => {
  it('lowers trust and five-year survival against no competition', () => {
    const none = replicates('baseline', ['market.competition=0']);
    const strong = replicates('competition');
    expect(mean(strong, 'meanTrustAtEnd')).toBeLessThan(mean(none, 'meanTrustAtEnd'));
    expect(mean(strong, 'survival5y')).toBeLessThan(mean(none, 'survival5y') - 0.03);
  });
});

describe('pattern 5: local-authority support, experienced leaders and principles make partnerships last', () => {
  it.each([
    ['experienced leaders', 'experienced-leaders', ['leaders.experience=0.15']],
    ['statements of principles', 'principles', ['partnerships.principles=0']],
    ['local-authority support', 'baseline', ['localAuthority.support=0']],
  ] as const)('%s raise five-year survival', (_, file, without) => {
    const withLever = file === 'baseline' ? replicates('baseline', ['localAuthority.support=1']) : replicates(file);
    expect(mean(withLever, 'survival5y')).toBeGreaterThan(mean(replicates('baseline', [...without]), 'survival5y'));
  });
});

describe('pattern 6: history matters', () => {
  it('gives the area with a deep history more participation than its neighbour under the same policy', () => {
    const rs = replicates('two-areas');
    const share = (area: string) => rs.reduce((s, r) => s + (r.areas.find((a) => a.area === area)?.participationAtEnd ?? 0), 0) / rs.length;
    expect(share('Northfield')).toBeGreaterThan(share('Southgate') + 0.05);
  });

  it('starts an area with a deep history with more partnerships', () => {
    const early = (rs: RunResult[]) => rs.reduce((s, r) => s + r.timeseries[11].active, 0) / rs.length;
    expect(early(replicates('baseline', ['context.history=0.9']))).toBeGreaterThan(
      1.5 * early(replicates('baseline', ['context.history=0'])),
    );
  });
});

describe("pattern 7: the hazard of dissolution is not constant over a partnership's age", () => {
  it('is low in the first year, higher in the following years', () => {
    const exposure = [0, 0, 0, 0, 0, 0];
    const events = [0, 0, 0, 0, 0, 0];
    for (const r of replicates('baseline')) {
      for (const p of r.partnerships) {
        const years = ((p.endedStep ?? r.steps) - p.formedStep) / 12;
        for (let y = 0; y < exposure.length; y++) {
          if (years <= y) break;
          exposure[y] += Math.min(1, years - y);
          events[y] += +(p.endedStep !== null && years <= y + 1);
        }
      }
    }
    const hazard = exposure.map((e, y) => events[y] / e);
    expect(hazard[0]).toBeLessThan(0.5 * Math.max(...hazard.slice(2)));
  });
});
