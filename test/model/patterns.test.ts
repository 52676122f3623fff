// Pattern-oriented checks (Grimm et al. 2005) as necessity and sufficiency: each of the seven patterns of docs/ODD.md
// §1.2 emerges over replicates of the shipped scenarios (sufficiency), and a named ablation — a mechanism switched off or
// a parameter that carries it set to zero — shows which mechanism it needs (necessity): with it gone, the pattern goes.
import { describe, expect, it, vi } from 'vitest';
import { nodeHost } from '../../src/cli/node-host.ts';
import { runReplicates } from '../../src/engine/run.ts';
import { Simulation } from '../../src/engine/simulation.ts';
import type { MetricName, RunResult } from '../../src/engine/types.ts';
import { nextTrust } from '../../src/model/trust.ts';
import type { TrustParams } from '../../src/scenario/schema.ts';
import { replicateSeed } from '../../src/random.ts';
import { defaultParams } from '../../src/scenario/parameters/index.ts';
import { loadScenario } from '../../src/scenario/load.ts';

const REPS = 8;
// Each scenario's replicates are run in the first test that asks for them: on a loaded machine that takes a while.
vi.setConfig({ testTimeout: 240_000 });
const cache = new Map<string, RunResult[]>();

/** Returns REPS replicates of a shipped scenario, with --set style overrides, run once per test file. */
function replicates(file: string, set: string[] = [], reps = REPS): RunResult[] {
  const key = [file, reps, ...set].join(' ');
  if (!cache.has(key)) cache.set(key, runReplicates(loadScenario(`scenarios/${file}.yaml`, nodeHost, { set }), reps));
  return cache.get(key) as RunResult[];
}

/** Returns the mean of a metric over replicates (skipping nulls). */
function mean(results: RunResult[], metric: MetricName): number {
  const values = results.map((r) => r.metrics[metric]).filter((v): v is number => v !== null);
  return values.reduce((s, v) => s + v, 0) / values.length;
}

const activeAt = (rs: RunResult[], step: number) => rs.reduce((s, r) => s + r.timeseries[step - 1].active, 0) / rs.length;

/** Returns the yearly hazard of dissolution by age (events over years at risk) of the partnerships formed in the runs. */
function hazardByAge(rs: RunResult[], years: number, stepsPerYear = 12): number[] {
  const exposure = new Array<number>(years).fill(0);
  const events = new Array<number>(years).fill(0);
  for (const r of rs) {
    for (const p of r.partnerships) {
      if (p.formedStep < 1) continue;
      const age = ((p.endedStep ?? r.steps) - p.formedStep) / stepsPerYear;
      for (let y = 0; y < years && age > y; y++) {
        exposure[y] += Math.min(1, age - y);
        events[y] += +(p.endedStep !== null && age <= y + 1);
      }
    }
  }
  return exposure.map((e, y) => events[y] / e);
}

describe('pattern 1: trust is built slowly and lost quickly', () => {
  // Interactions needed to climb from 0.2 to 0.6 on the strongest positive signal, and to fall back on the strongest negative.
  const interactions = (p: TrustParams) => {
    const count = (from: number, to: number, signal: number) => {
      let t = from;
      let n = 0;
      while ((signal > 0 ? t < to : t > to) && n < 10_000) {
        t = nextTrust(t, 0, signal, 1, 0, p);
        n++;
      }
      return n;
    };
    return [count(0.2, 0.6, 1), count(0.6, 0.2, -1)];
  };

  it('takes more interactions to build than to lose', () => {
    const [build, lose] = interactions(defaultParams().trust);
    expect(build).toBeGreaterThan(lose);
  });

  it('needs the asymmetric update: with trust.down = trust.up, building is no slower than losing', () => {
    const p = defaultParams().trust;
    const [build, lose] = interactions({ ...p, down: p.up });
    expect(build).toBeLessThanOrEqual(lose);
  });
});

describe('pattern 2: carrots multiply partnerships; those held by funding alone dissolve when it ends', () => {
  // Not reproduced at the calibrated defaults (docs/ODD.md §9): 32 active partnerships at the fund's end under carrots
  // against 32.9 under the baseline over these replicates (the carrot added a few before). Kept as a failing
  // expectation, so that the day it holds again this test says so.
  it.fails('has more active partnerships while the fund runs than the baseline has then (not reproduced)', () => {
    expect(activeAt(replicates('carrots'), 48)).toBeGreaterThan(activeAt(replicates('baseline'), 48));
  });

  it('needs what funding buys: with neither activities, coordination nor capacity paid for, no member leaves because a fund ended', () => {
    const nothingBought = ['model.membership.fundBenefit=0', 'model.membership.coordinationCover=0', 'model.partnerships.carrotCapacity=0'];
    const fundingEnded = replicates('carrots', nothingBought)
      .flatMap((r) => r.events)
      .filter((e) => e.kind === 'left' && e.cause === 'funding-ended');
    expect(fundingEnded).toEqual([]);
  });

  it('loses members to the end of funding, only after the fund closes', () => {
    const fundingEnded = replicates('carrots')
      .flatMap((r) => r.events)
      .filter((e) => e.kind === 'left' && e.cause === 'funding-ended');
    // 113 over 8 replicates at the calibrated defaults (21 before the calibration, above 24 before area-wide partnerships).
    expect(fundingEnded.length).toBeGreaterThan(REPS * 2);
    // None while the fund pays: a member whose commitment or trust shrinks the funded activities' worth while the carrot
    // is as it was leaves for that, not for funding (exitCause).
    expect(fundingEnded.filter((e) => e.step < 48)).toEqual([]);
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
      while (sim.step < 84) sim.advance();
      for (const [id, score] of funded) atFundEnd.push({ score, kept: sim.world.partnerships[id].endedStep === null });
    }
    // Halves by continuum score (Dhillon's trust, network, norms and motivation) when the fund closed.
    atFundEnd.sort((x, y) => x.score - y.score);
    const half = Math.floor(atFundEnd.length / 2);
    const kept = (group: typeof atFundEnd) => group.filter((p) => p.kept).length / group.length;
    expect(half).toBeGreaterThan(15);
    expect(kept(atFundEnd.slice(-half))).toBeGreaterThan(kept(atFundEnd.slice(0, half)));
  });
});

describe('pattern 3: sticks produce many partnerships that stay weak', () => {
  it('raises participation and lowers the share of strong partnerships', () => {
    expect(mean(replicates('sticks'), 'participationAtEnd')).toBeGreaterThan(mean(replicates('baseline'), 'participationAtEnd') + 0.05);
    expect(mean(replicates('sticks'), 'strongShareAtEnd')).toBeLessThan(mean(replicates('baseline'), 'strongShareAtEnd'));
  });

  it('needs compulsion and the compliance motive: with the mandate off and no penalty avoided by partnering, the stick raises participation by next to nothing', () => {
    const off = ['mechanisms.mandate=false', 'model.membership.complianceBenefit=0'];
    expect(mean(replicates('sticks', off), 'participationAtEnd')).toBeLessThan(
      mean(replicates('baseline', off), 'participationAtEnd') + 0.03,
    );
  });
});

describe('pattern 4: competition shortens partnerships, and fewer form', () => {
  // Mean trust between organisations is not lower under competition in this model (docs/ODD.md §9): the pattern's
  // "weakens" is not claimed.
  it('lowers the restricted mean lifetime against no competition', () => {
    expect(mean(replicates('competition'), 'rmst5y')).toBeLessThan(mean(replicates('baseline', ['market.competition=0']), 'rmst5y'));
  });

  // Not reproduced once schools joined trusts (12 formed under competition against 11.5 without), and reproduced again at
  // the calibrated defaults (docs/ODD.md §9): 25.9 against 44.4 over these replicates.
  it('fewer partnerships form under competition', () => {
    expect(mean(replicates('competition'), 'partnershipsFormed')).toBeLessThan(
      mean(replicates('baseline', ['market.competition=0']), 'partnershipsFormed'),
    );
  });

  it('needs what rivalry does: without its temptation, its costs, the capacity it diverts and rivals shunned as partners, competition shortens nothing', () => {
    const harmless = [
      'model.interaction.rivalryTemptation=0',
      'model.membership.competitionCost=0',
      'model.effort.competitionDiversion=0',
      'model.partnerships.gainRivalry=0',
    ];
    const none = replicates('baseline', ['market.competition=0', ...harmless]);
    const strong = replicates('competition', harmless);
    expect(Math.abs(mean(strong, 'rmst5y') - mean(none, 'rmst5y'))).toBeLessThan(0.1);
  });
});

describe('pattern 5: local-authority support, experienced leaders and principles make partnerships last', () => {
  const raisesSurvival = (file: string, without: readonly string[]) => {
    const withLever = file === 'baseline' ? replicates('baseline', ['localAuthority.support=1'], 2 * REPS) : replicates(file, [], 2 * REPS);
    expect(mean(withLever, 'survival5y')).toBeGreaterThan(mean(replicates('baseline', [...without], 2 * REPS), 'survival5y'));
  };
  it.each([
    ['statements of principles', 'principles', ['partnerships.principles=0']],
    ['local-authority support', 'baseline', ['localAuthority.support=0']],
  ] as const)('%s raise five-year survival', (_, file, without) => raisesSurvival(file, without));

  // Not reproduced once schools joined trusts, reproduced again once experienced leaders convened area-wide
  // partnerships, and not reproduced at the calibrated defaults (docs/ODD.md §9): five-year survival 0.52 with
  // experienced leaders against 0.57 at experience 0.15 over these replicates. Not a robust finding of this model; kept
  // as a failing expectation, so that the day it holds again this test says so.
  it.fails('experienced leaders raise five-year survival (not reproduced)', () =>
    raisesSurvival('experienced-leaders', ['leaders.experience=0.15']));

  it('no single lever makes partnerships immortal: established partnerships still dissolve with each at 1', () => {
    for (const lever of ['policy.carrot', 'localAuthority.support', 'leaders.experience', 'partnerships.principles']) {
      const rs = replicates('baseline', [`${lever}=1`, 'time.steps=240']);
      const established = rs.flatMap((r) => r.partnerships.filter((p) => p.endedStep !== null && p.endedStep - p.formedStep >= 36));
      expect(established.length, lever).toBeGreaterThan(0);
    }
  });
});

describe('pattern 6: history matters', () => {
  it('gives the area with a deep history more participation than its neighbour under the same policy', () => {
    const rs = replicates('two-areas');
    const share = (area: string) => rs.reduce((s, r) => s + (r.areas.find((a) => a.area === area)?.participationAtEnd ?? 0), 0) / rs.length;
    expect(share('Northfield')).toBeGreaterThan(share('Southgate') + 0.05);
  });

  it('starts an area with a deep history with more partnerships', () => {
    expect(activeAt(replicates('baseline', ['context.history=0.9']), 12)).toBeGreaterThan(
      1.2 * activeAt(replicates('baseline', ['context.history=0']), 12),
    );
  });
});

describe("pattern 7: the hazard of dissolution is not constant over a partnership's age", () => {
  it('rises from the first year and falls again (the liability of adolescence)', () => {
    const hazard = hazardByAge(replicates('baseline', ['time.steps=240']), 8);
    const peak = hazard.indexOf(Math.max(...hazard));
    expect(hazard[0]).toBeLessThan(hazard[peak]);
    expect(peak).toBeGreaterThan(0);
    expect(hazard[7]).toBeLessThan(hazard[peak]);
  });

  // Not reproduced once schools joined trusts (less than twice at 24 replicates); reproduced again since area-wide
  // partnerships joined the model (docs/ODD.md §9).
  it('needs the prior new members start from for its low first year: without it the first-year hazard is more than twice as high', () => {
    const withPrior = hazardByAge(replicates('baseline', ['time.steps=240'], 3 * REPS), 8);
    const without = hazardByAge(replicates('baseline', ['time.steps=240', 'model.membership.priorYears=0'], 3 * REPS), 8);
    expect(without[0]).toBeGreaterThan(2 * withPrior[0]);
  });
});
