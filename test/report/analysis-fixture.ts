// Hand-made sweep analyses for the analysis report's tests, written out rather than computed by src/analysis: Sobol'
// over 5 parameters and 3 metrics (one not analysable), Morris over 7 parameters, PRIM with 2 boxes (12 and 5 steps).
import type { Estimate } from '../../src/analysis/bootstrap.ts';
import type { MorrisEffects, MorrisFactor } from '../../src/analysis/morris.ts';
import type { PrimBox } from '../../src/analysis/prim.ts';
import type { AnalysedParameter, AnalysedSweep, SweepAnalysis } from '../../src/analysis/sweep-analysis.ts';
import { LEVER_KEYS, LEVER_MEANINGS, type LeverKey } from '../../src/scenario/schema.ts';

const BOOTSTRAP = { resamples: 1000, confidence: 0.95, seed: 11 } as const;

/** Returns estimates from [estimate, low, high] triples. */
const estimates = (...triples: (readonly [number, number, number])[]): Estimate[] =>
  triples.map(([estimate, low, high]) => ({ estimate, ci: [low, high] }));

function parameter(key: LeverKey, low = 0, high = 1): AnalysedParameter {
  return { key, meaning: LEVER_MEANINGS[key], low, high };
}

function sweep(overrides: Partial<AnalysedSweep>): AnalysedSweep {
  return {
    name: 'levers',
    description: 'Which levers decide how long partnerships last?',
    hash: 'sweep-hash-1234',
    design: 'sobol',
    samples: 512,
    points: 3584,
    replicates: 2,
    runs: 7168,
    failed: 3,
    seed: 11,
    scenario: 'baseline',
    scenarioHash: 'scenario-hash-5678',
    ...overrides,
  };
}

/** The Sobol' fixture's parameters, in the sweep's order. */
export const SOBOL_PARAMETERS = [
  'policy.carrot',
  'policy.stick',
  'market.competition',
  'localAuthority.support',
  'leaders.turnover',
] as const;

/**
 * Returns a Sobol' analysis of survival5y (chosen; 12 blocks dropped; market.competition's total interval 24 points
 * wide; leaders.turnover's reaching below 0; first orders summing to 70%), partnershipsFormed (first orders summing to
 * 98%) and meanTrustAtEnd (not analysable).
 */
export function sobolAnalysis(): Extract<SweepAnalysis, { method: 'sobol' }> {
  return {
    method: 'sobol',
    sweep: sweep({}),
    parameters: [
      parameter('policy.carrot'),
      parameter('policy.stick'),
      parameter('market.competition', 0.1, 0.9),
      parameter('localAuthority.support'),
      parameter('leaders.turnover', 0.05, 0.3),
    ],
    metric: 'survival5y',
    results: [
      {
        metric: 'survival5y',
        result: {
          ...BOOTSTRAP,
          k: 5,
          samples: 500,
          dropped: 12,
          variance: 0.021,
          first: estimates([0.42, 0.35, 0.5], [0.03, -0.02, 0.08], [0.18, 0.1, 0.27], [0.08, 0.03, 0.14], [-0.01, -0.03, 0.02]),
          total: estimates([0.55, 0.47, 0.63], [0.05, 0.01, 0.09], [0.3, 0.18, 0.42], [0.12, 0.06, 0.19], [0.01, -0.01, 0.03]),
        },
      },
      {
        metric: 'partnershipsFormed',
        result: {
          ...BOOTSTRAP,
          k: 5,
          samples: 512,
          dropped: 0,
          variance: 140,
          first: estimates([0.61, 0.55, 0.67], [0.2, 0.15, 0.25], [0.05, 0.02, 0.08], [0.1, 0.06, 0.14], [0.02, 0, 0.04]),
          total: estimates([0.62, 0.56, 0.68], [0.21, 0.16, 0.26], [0.06, 0.03, 0.09], [0.11, 0.07, 0.15], [1.04, 0.97, 1.08]),
        },
      },
      { metric: 'meanTrustAtEnd', result: null, reason: 'the output does not vary: every complete block gives the same value.' },
    ],
  };
}

/** Returns the Morris effects of 7 parameters over 20 trajectories from [mu, [mu*, low, high], sigma, effects (default 20)]. */
function effects(
  dropped: number,
  factors: readonly (readonly [number, readonly [number, number, number], number | null, number?])[],
): MorrisEffects {
  const factorOf = ([mu, muStar, sigma, count = 20]: (typeof factors)[number]): MorrisFactor => ({
    mu,
    muStar: estimates(muStar)[0],
    sigma,
    effects: count,
  });
  return { ...BOOTSTRAP, k: 7, trajectories: 20, dropped, factors: factors.map(factorOf) };
}

/** The Morris fixture's parameters, in the sweep's order: the first seven levers. */
export const MORRIS_PARAMETERS = LEVER_KEYS.slice(0, 7);

/**
 * Returns a Morris analysis of survival5y (chosen) and partnershipsFormed over 7 parameters: policy.carrot raises
 * survival5y and market.competition lowers it throughout, localAuthority.support raises it too, policy.stick is
 * negligible, governance.fragmentation and leaders.turnover are non-linear, leaders.experience has one effect (no sigma).
 */
export function morrisAnalysis(): Extract<SweepAnalysis, { method: 'morris' }> {
  return {
    method: 'morris',
    sweep: sweep({ name: 'screening', design: 'morris', samples: 20, points: 160, replicates: 3, runs: 480, failed: 0 }),
    parameters: MORRIS_PARAMETERS.map((key) => parameter(key)),
    metric: 'survival5y',
    results: [
      {
        metric: 'survival5y',
        result: effects(2, [
          [0.3, [0.31, 0.26, 0.36], 0.12],
          [0.01, [0.02, 0, 0.04], 0.03],
          [-0.2, [0.21, 0.17, 0.25], 0.1],
          [0.02, [0.15, 0.1, 0.2], 0.22],
          [0.085, [0.09, 0.06, 0.12], 0.05],
          [-0.01, [0.04, 0.02, 0.06], null, 1],
          [0.05, [0.12, 0.08, 0.16], 0.15],
        ]),
      },
      {
        metric: 'partnershipsFormed',
        result: effects(0, [
          [12, [12.5, 10, 15], 4],
          [6, [6.2, 5, 7.5], 1.5],
          [-3, [4, 2.5, 5.5], 3.5],
          [1, [2, 1, 3], 2.5],
          [5, [5, 4, 6], 1],
          [0, [0.5, 0, 1], 0.6],
          [-8, [8.4, 7, 10], 2],
        ]),
      },
    ],
  };
}

/** The limits of the data PRIM starts from: every run of the sweep. */
const FULL: readonly (readonly [number, number])[] = [
  [0.001, 0.999],
  [0.002, 0.998],
  [0.0005, 0.9995],
];
const RUNS = 1000;
const POSITIVES = 340;

/** Returns a PRIM box with these limits (restricted where they differ from `from`, each with quasi-p 0.001 unless
 * `quasiP` says otherwise), count and positives among all runs. */
function box(
  limits: readonly (readonly [number, number])[],
  count: number,
  positives: number,
  from = FULL,
  quasiP: readonly (number | null)[] = [],
): PrimBox {
  const restricted = limits.map(([low, high], i) => low !== from[i][0] || high !== from[i][1]);
  return {
    limits,
    restricted,
    quasiP: restricted.map((r, i) => (r ? (quasiP[i] ?? 0.001) : null)),
    count,
    positives,
    mass: count / RUNS,
    coverage: positives / POSITIVES,
    density: positives / count,
  };
}

/** The runs outside box 1: where the second trajectory starts. */
const OUTSIDE: readonly (readonly [number, number])[] = [
  [0.003, 0.999],
  [0.002, 0.997],
  [0.001, 0.9995],
];

/** The condition of the PRIM fixture, in words. */
export const PRIM_CONDITION_WORDS = 'survival to 5 years ≥ 0.6';

/**
 * Returns a PRIM analysis of survival5y >= 0.6 over 3 parameters, 1000 runs with a base rate of 34%: box 1 (12 steps,
 * chosen at step 7, pasted to 270 runs) where policy.carrot is at most 0.4 and market.competition at least 0.55;
 * box 2 (5 steps, chosen at step 4) where policy.carrot is at least 0.6 and localAuthority.support at least 0.7, the
 * latter a weak limit (quasi-p 0.3).
 */
export function primAnalysis(): Extract<SweepAnalysis, { method: 'prim' }> {
  const [carrot, competition, support] = FULL;
  const peel = (carrotHigh: number, competitionLow: number, supportLow = support[0]): (readonly [number, number])[] => [
    [carrot[0], carrotHigh],
    [competitionLow, competition[1]],
    [supportLow, support[1]],
  ];
  return {
    method: 'prim',
    sweep: sweep({ name: 'lever space', design: 'lhs', samples: 500, points: 500, replicates: 2, runs: 1000, failed: 0 }),
    parameters: [parameter('policy.carrot'), parameter('market.competition'), parameter('localAuthority.support')],
    metric: 'survival5y',
    condition: { metric: 'survival5y', op: '>=', value: 0.6 },
    result: {
      n: RUNS,
      positives: POSITIVES,
      density: POSITIVES / RUNS,
      settings: { peelAlpha: 0.05, pasteAlpha: 0.01, minMass: 0.05, minCoverage: 0.5, maxBoxes: 3 },
      boxes: [
        {
          steps: [
            box(FULL, 1000, 340),
            box(peel(0.95, competition[0]), 950, 335),
            box(peel(0.9, competition[0]), 902, 330),
            box(peel(0.9, 0.1), 812, 320),
            box(peel(0.8, 0.2), 700, 305),
            box(peel(0.65, 0.3), 560, 280),
            box(peel(0.5, 0.45), 410, 245),
            box(peel(0.4, 0.55), 265, 208),
            box(peel(0.35, 0.6), 200, 165),
            box(peel(0.35, 0.6, 0.2), 140, 120),
            box(peel(0.3, 0.65, 0.3), 90, 80),
            box(peel(0.25, 0.7, 0.4), 55, 50),
          ],
          chosen: 7,
          box: box(peel(0.4, 0.55), 270, 211),
        },
        {
          steps: [
            box(OUTSIDE, 730, 129, OUTSIDE),
            box([OUTSIDE[0], OUTSIDE[1], [0.2, OUTSIDE[2][1]]], 600, 112, OUTSIDE),
            box([OUTSIDE[0], OUTSIDE[1], [0.45, OUTSIDE[2][1]]], 420, 90, OUTSIDE),
            box([[0.45, OUTSIDE[0][1]], OUTSIDE[1], [0.6, OUTSIDE[2][1]]], 200, 62, OUTSIDE),
            box([[0.6, OUTSIDE[0][1]], OUTSIDE[1], [0.7, OUTSIDE[2][1]]], 60, 33, OUTSIDE),
          ],
          chosen: 4,
          box: box([[0.6, OUTSIDE[0][1]], OUTSIDE[1], [0.7, OUTSIDE[2][1]]], 60, 33, OUTSIDE, [null, null, 0.3]),
        },
      ],
    },
  };
}

/** Returns every analysis fixture, named. */
export function analyses(): { name: string; analysis: SweepAnalysis }[] {
  return [
    { name: 'sobol', analysis: sobolAnalysis() },
    { name: 'morris', analysis: morrisAnalysis() },
    { name: 'prim', analysis: primAnalysis() },
  ];
}
