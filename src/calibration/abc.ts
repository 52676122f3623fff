// Approximate Bayesian computation as a state machine over rounds of proposals: rejection ABC (Pritchard et al. 1999)
// and ABC-SMC (Toni et al. 2009; Beaumont et al. 2009) with tolerances adapted from the previous generation (Del
// Moral, Doucet & Jasra 2012). The sampler proposes; whoever drives it runs the proposals (in-process, on worker
// threads, on a cluster) and hands back their statistics. Everything it decides depends only on the outcomes, taken in
// proposal order, never on the order runs finish in, so the same seed gives the same particles anywhere.
//
//   generation 0   draw from the priors ──────────────────────────┐ accept the first N proposals (by index) whose
//   generation g   pick a particle of g-1 by weight, perturb it ──┤ distance is within ε_g; weight them
//                  with the kernel, redraw until inside the priors┘ π(θ) / Σ_j W_j K(θ | θ_j)
//   between        ε_{g+1} from g's distances and weights; the kernel from g's weighted covariance; stop?
//   after          the posterior predictive check: runs of particles drawn by weight, with fresh seeds
import { createRng, deriveSeed, type Rng } from '../random.ts';
import { rmsDistance, targetDeviation, type Observation } from './distance.ts';
import { fitKernel, kernelQuadratic, perturb, type Kernel } from './kernel.ts';
import { drawPrior, fromWorking, priorQuantile, toWorking, workingDensity, type Prior } from './priors.ts';

/** A parameter to fit: its name (a dotted scenario key, or any name for a model of one's own) and its prior. */
export interface AbcParameter {
  readonly name: string;
  readonly prior: Prior;
}

/** The methods: rejection ABC, or ABC-SMC. */
export const ABC_METHODS = ['smc', 'rejection'] as const;
export type AbcMethod = (typeof ABC_METHODS)[number];

/** How distances combine the targets' scaled deviations: their root mean square, or the largest in absolute value. */
export const DISTANCE_KINDS = ['rms', 'max'] as const;
export type DistanceKind = (typeof DISTANCE_KINDS)[number];

/** How to sample, with every setting explicit. */
export interface AbcSettings {
  readonly method: AbcMethod;
  /** Particles per generation (accepted proposals). */
  readonly particles: number;
  /** ABC-SMC: the most generations, generation 0 (the prior) included. */
  readonly generations: number;
  /** ABC-SMC: the share of the previous generation's effective sample size that the next tolerance keeps (0 < α < 1). */
  readonly alpha: number;
  /** Rejection: the acceptance threshold. ABC-SMC: stop once a generation's tolerance is at or below it. */
  readonly tolerance: number;
  /** Stop when a generation's acceptance rate falls below this (0: never); a generation that cannot reach it stops early. */
  readonly minAcceptance: number;
  /** The most model runs of the sampler in all (null: no limit); the predictive check's runs are not counted. */
  readonly budget: number | null;
  /** Runs of the posterior predictive check (0: none). */
  readonly predictive: number;
  readonly distance: DistanceKind;
  readonly seed: number;
}

/** What the sampler fits: the parameters, the targets (observations in the order statistics come) and the settings. */
export interface AbcProblem {
  readonly parameters: readonly AbcParameter[];
  readonly observations: readonly Observation[];
  readonly settings: AbcSettings;
}

/** The generation of a posterior predictive run. */
export const CHECK = 'check';
export type GenerationId = number | typeof CHECK;

/** A proposal to run: its generation and index there, its parameter values and the seed of its run; a predictive
 * check's run also names the particle it drew (its proposal index in the posterior's generation). */
export interface Proposal {
  readonly generation: GenerationId;
  readonly index: number;
  readonly values: readonly number[];
  readonly seed: number;
  readonly particle?: number;
}

/** A proposal that was run: its statistics (null where the run had nothing to measure), or the error it threw. */
export type ProposalRecord =
  | (Proposal & { readonly status: 'ok'; readonly statistics: readonly (number | null)[] })
  | (Proposal & { readonly status: 'failed'; readonly error: string });

/** Tells a failed run's record from a finished one's. */
export function isFailedRecord(record: ProposalRecord): record is Extract<ProposalRecord, { status: 'failed' }> {
  return record.status === 'failed';
}

/** A run's record with what the sampler made of it: its targets' scaled deviations, its distance, whether accepted. */
export type EvaluatedRecord = ProposalRecord & {
  readonly deviations: readonly number[] | null;
  /** Null for a failed run. */
  readonly distance: number | null;
  readonly accepted: boolean;
};

/** An accepted proposal: its index, values, importance weight (normalised), distance and statistics. */
export interface Particle {
  readonly index: number;
  readonly values: readonly number[];
  readonly weight: number;
  readonly distance: number;
  readonly statistics: readonly (number | null)[];
}

/** One generation: its tolerance (null: any measured run is accepted), its proposals up to the one that completed it
 * (all of them when it did not complete), its particles and their effective sample size. */
export interface Generation {
  readonly generation: number;
  readonly tolerance: number | null;
  readonly complete: boolean;
  readonly proposals: number;
  readonly accepted: number;
  readonly failed: number;
  /** accepted / proposals. */
  readonly acceptanceRate: number;
  /** Effective sample size of the weights, (Σw)² / Σw² (Kong, Liu & Wong 1994); 0 when incomplete. */
  readonly ess: number;
  readonly particles: readonly Particle[];
  readonly records: readonly EvaluatedRecord[];
}

/** A generation in brief, without its particles and records: for the manifest, generations.<format> and the line
 * printed as it finishes. */
export type GenerationBrief = Omit<Generation, 'particles' | 'records'>;

/** Why sampling stopped. */
export type StopReason = 'rejection' | 'generations' | 'tolerance' | 'acceptance' | 'budget' | 'stalled';

/** Everything a calibration produced: the generations (the last complete one is the posterior), why it stopped, the
 * sampler's runs, and the predictive check's records (empty when there is no posterior or no check). */
export interface AbcResult {
  readonly generations: readonly Generation[];
  readonly stop: { readonly reason: StopReason; readonly generation: number; readonly incomplete: boolean };
  readonly runs: number;
  readonly check: readonly ProposalRecord[];
}

/** Returns the last complete generation, the posterior, or undefined when not even the first completed. */
export function posteriorGeneration(generations: readonly Generation[]): Generation | undefined {
  for (let g = generations.length - 1; g >= 0; g--) if (generations[g].complete) return generations[g];
  return undefined;
}

/** Returns a record's key in a journal of any generation: `generation:index`. */
export function recordKey(record: Pick<Proposal, 'generation' | 'index'>): string {
  return `${record.generation}:${record.index}`;
}

/** Thrown when the sampler cannot propose: every draw of the kernel fell outside the priors. */
export class SamplerStuck extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SamplerStuck';
  }
}

// How far a kernel's draw may fall outside the priors before the sampler gives up on a proposal.
const MAX_REDRAWS = 100_000;
// Proposals a round adds beyond those expected to complete the generation, and its bounds in particles.
const ROUND_MARGIN = 1.1;
const SMALLEST_ROUND = 0.1;
// A generation's first round expects the last one's acceptance rate times this: the tolerance falls, the kernel narrows.
const RATE_CARRIED = 0.75;
const LARGEST_ROUND = 10;

interface Population {
  readonly working: number[][];
  readonly weights: Float64Array;
  readonly cumulative: Float64Array;
  readonly kernel: Kernel;
}

/**
 * The ABC sampler as a state machine: `nextRound()` gives the proposals to run next (null once finished) and
 * `receive()` takes their records; `result()` gives what it found. Driven the same way in any order of completion,
 * from a journal of earlier records or afresh, it gives the same result.
 */
export class AbcSampler {
  private readonly problem: AbcProblem;
  private readonly n: number;
  private readonly generations: Generation[] = [];
  private stopped: AbcResult['stop'] | null = null;
  private runs = 0;
  private check: ProposalRecord[] | null = null;
  // The generation in progress.
  private current = 0;
  private tolerance: number | null;
  private population: Population | null = null;
  private records: EvaluatedRecord[] = [];
  private acceptedSoFar = 0;
  private expectedRate = 1;
  private waiting: Map<string, Proposal> | null = null;

  constructor(problem: AbcProblem) {
    this.problem = problem;
    this.n = problem.settings.particles;
    this.tolerance = problem.settings.method === 'rejection' ? problem.settings.tolerance : null;
  }

  /** Returns the proposals of the next round, or null when sampling and the predictive check are done. Throws when
   * the previous round's records have not all been received. */
  nextRound(): readonly Proposal[] | null {
    if (this.waiting !== null) throw new Error(`the sampler still waits for ${this.waiting.size} records of its last round`);
    if (this.stopped !== null) return this.checkRound();
    const size = this.roundSize();
    const first = this.records.length;
    const proposals = Array.from({ length: size }, (_, k) => this.propose(first + k));
    this.waiting = new Map(proposals.map((proposal) => [recordKey(proposal), proposal]));
    return proposals;
  }

  /** Takes records of the round in progress, in any order; once the round is complete, moves the sampler on. Throws for
   * a record the round did not propose, or one whose values differ from the proposal's (a journal from elsewhere). */
  receive(records: readonly ProposalRecord[]): void {
    const waiting = this.waiting;
    if (waiting === null) throw new Error('the sampler received records before proposing a round');
    for (const record of records) {
      const proposal = waiting.get(recordKey(record));
      if (proposal === undefined || proposal.seed !== record.seed || proposal.values.some((v, k) => v !== record.values[k]))
        throw new Error(`record ${recordKey(record)} does not belong to the sampler's round`);
      this.pending.set(record.index, record);
      waiting.delete(recordKey(record));
    }
    if (waiting.size > 0) return;
    this.waiting = null;
    if (this.stopped !== null) this.finishCheck();
    else this.finishRound();
  }

  /** Returns the generations finished so far, complete or not. */
  finishedGenerations(): readonly Generation[] {
    return this.generations;
  }

  /** Returns what the sampler found; throws while it is still running. */
  result(): AbcResult {
    if (this.stopped === null || this.check === null) throw new Error('the sampler has not finished');
    return { generations: this.generations, stop: this.stopped, runs: this.runs, check: this.check };
  }

  // Records of the round in progress, by index.
  private readonly pending = new Map<number, ProposalRecord>();

  private get settings(): AbcSettings {
    return this.problem.settings;
  }

  // Proposals of this generation allowed in all: the run budget left, and the acceptance rate's floor.
  private proposalLimit(): number {
    const { budget, minAcceptance } = this.settings;
    const byRate = minAcceptance > 0 ? Math.ceil(this.n / minAcceptance) : Number.POSITIVE_INFINITY;
    return Math.min((budget ?? Number.POSITIVE_INFINITY) - this.runs, byRate);
  }

  // Enough proposals to complete the generation at the rate expected, with a margin, within the limits.
  private roundSize(): number {
    const done = this.records.length;
    const remaining = this.n - this.acceptedSoFar;
    const rate = done > 0 ? Math.max(this.acceptedSoFar, 0.5) / done : this.expectedRate;
    const wanted = Math.ceil((ROUND_MARGIN * remaining) / rate);
    const bounded = Math.min(Math.max(wanted, Math.ceil(SMALLEST_ROUND * this.n)), Math.ceil(LARGEST_ROUND * this.n));
    return Math.max(1, Math.min(bounded, this.proposalLimit() - done));
  }

  private propose(index: number): Proposal {
    const { seed } = this.settings;
    const g = this.current;
    const rng = createRng(deriveSeed(seed, 'proposal', g, index));
    const values = this.population === null ? this.problem.parameters.map(({ prior }) => drawPrior(prior, rng)) : this.perturbed(rng);
    return { generation: g, index, values, seed: deriveSeed(seed, 'run', g, index) };
  }

  // A particle of the previous generation picked by weight, moved by the kernel, until the move lands where every
  // prior has density (Toni et al. 2009, step S2.1).
  private perturbed(rng: Rng): number[] {
    const population = this.population as Population;
    const { parameters } = this.problem;
    for (let attempt = 0; attempt < MAX_REDRAWS; attempt++) {
      const centre = population.working[pickIndex(population.cumulative, rng())];
      const moved = perturb(population.kernel, centre, rng);
      if (parameters.every(({ prior }, k) => workingDensity(prior, moved[k]) > 0))
        return moved.map((u, k) => fromWorking(parameters[k].prior, u));
    }
    throw new SamplerStuck(`no perturbed particle fell inside the priors in ${MAX_REDRAWS} draws`);
  }

  private evaluate(record: ProposalRecord): EvaluatedRecord {
    if (isFailedRecord(record)) return { ...record, deviations: null, distance: null, accepted: false };
    const deviations = this.problem.observations.map((observation, k) => targetDeviation(observation, record.statistics[k]));
    const distance = this.settings.distance === 'max' ? Math.max(0, ...deviations.map(Math.abs)) : rmsDistance(deviations);
    const within = Number.isFinite(distance) && (this.tolerance === null || distance <= this.tolerance);
    return { ...record, deviations, distance, accepted: within && this.acceptedSoFar < this.n };
  }

  // Takes the round's records in index order, up to the one that completes the generation.
  private finishRound(): void {
    const start = this.records.length;
    for (let index = start; this.pending.has(index); index++) {
      const record = this.evaluate(this.pending.get(index) as ProposalRecord);
      this.records.push(record);
      if (record.accepted) this.acceptedSoFar++;
      if (this.acceptedSoFar === this.n) break;
    }
    this.pending.clear();
    if (this.acceptedSoFar === this.n) this.completeGeneration();
    else if (this.records.length >= this.proposalLimit()) {
      const byBudget = this.runs + this.records.length >= (this.settings.budget ?? Number.POSITIVE_INFINITY);
      this.generations.push(this.generationOf(false));
      this.runs += this.records.length;
      this.stop(byBudget ? 'budget' : 'acceptance', true);
    }
  }

  private generationOf(complete: boolean): Generation {
    const accepted = this.records.filter((record) => record.accepted);
    const weights = complete ? this.importanceWeights(accepted) : new Float64Array(0);
    const sumSquares = weights.reduce((sum, w) => sum + w * w, 0);
    return {
      generation: this.current,
      tolerance: this.tolerance,
      complete,
      proposals: this.records.length,
      accepted: accepted.length,
      failed: this.records.filter(isFailedRecord).length,
      acceptanceRate: this.records.length === 0 ? 0 : accepted.length / this.records.length,
      ess: complete ? 1 / sumSquares : 0,
      particles: complete
        ? accepted.map((record, i) => ({
            index: record.index,
            values: record.values,
            weight: weights[i],
            distance: record.distance as number,
            statistics: (record as Extract<ProposalRecord, { status: 'ok' }>).statistics,
          }))
        : [],
      records: this.records,
    };
  }

  /**
   * Returns the normalised importance weights of accepted proposals: equal in generation 0 (drawn from the prior),
   * then π(θᵢ) / Σⱼ Wⱼ K(θᵢ | θⱼ) over the previous generation's particles θⱼ and weights Wⱼ (Beaumont et al. 2009;
   * Toni et al. 2009, eq. S2.2), in the working space, through logarithms so that no term underflows.
   */
  private importanceWeights(accepted: readonly EvaluatedRecord[]): Float64Array {
    const n = accepted.length;
    const population = this.population;
    if (population === null) return new Float64Array(n).fill(1 / n);
    const { parameters } = this.problem;
    const logWeights = new Float64Array(n);
    const previousLogWeights = population.weights.map(Math.log);
    const terms = new Float64Array(population.working.length);
    accepted.forEach((record, i) => {
      const x = parameters.map(({ prior }, k) => toWorking(prior, record.values[k]));
      let logPrior = 0;
      parameters.forEach(({ prior }, k) => {
        logPrior += Math.log(workingDensity(prior, x[k]));
      });
      population.working.forEach((centre, j) => {
        terms[j] = previousLogWeights[j] - 0.5 * kernelQuadratic(population.kernel, x, centre);
      });
      logWeights[i] = logPrior - logSumExp(terms);
    });
    const top = Math.max(...logWeights);
    const weights = logWeights.map((l) => Math.exp(l - top));
    const total = weights.reduce((sum, w) => sum + w, 0);
    return weights.map((w) => w / total);
  }

  private completeGeneration(): void {
    const generation = this.generationOf(true);
    this.generations.push(generation);
    this.runs += generation.proposals;
    const next = nextTolerance(generation.particles, this.settings.alpha, this.tolerance);
    const reason = this.stopReason(generation, next);
    if (reason !== null) {
      this.stop(reason, false);
      return;
    }
    // The next generation starts from this one's particles.
    const working = generation.particles.map((p) => this.problem.parameters.map(({ prior }, k) => toWorking(prior, p.values[k])));
    const weights = Float64Array.from(generation.particles, (p) => p.weight);
    const scales = this.problem.parameters.map(({ prior }) => workingSpread(prior));
    this.population = { working, weights, cumulative: cumulativeSums(weights), kernel: fitKernel(working, weights, scales) };
    this.expectedRate = Math.max(generation.acceptanceRate * RATE_CARRIED, 1e-3);
    this.current++;
    this.tolerance = next;
    this.records = [];
    this.acceptedSoFar = 0;
  }

  // The stopping rules, after a complete generation, in this order: the method, the generations, the tolerance, the
  // acceptance rate, the budget, and a tolerance that can fall no further.
  private stopReason(generation: Generation, next: number): StopReason | null {
    const { method, generations, tolerance, minAcceptance, budget } = this.settings;
    if (method === 'rejection') return 'rejection';
    if (this.current + 1 >= generations) return 'generations';
    if (this.tolerance !== null && this.tolerance <= tolerance) return 'tolerance';
    if (generation.acceptanceRate < minAcceptance) return 'acceptance';
    if (budget !== null && this.runs >= budget) return 'budget';
    if (this.tolerance !== null && next >= this.tolerance) return 'stalled';
    return null;
  }

  private stop(reason: StopReason, incomplete: boolean): void {
    this.stopped = { reason, generation: this.current, incomplete };
  }

  // The predictive check's single round: particles of the posterior drawn by weight, each run with a fresh seed.
  private checkRound(): readonly Proposal[] | null {
    if (this.check !== null) return null;
    const posterior = posteriorGeneration(this.generations);
    const count = posterior === undefined ? 0 : this.settings.predictive;
    if (count === 0) {
      this.check = [];
      return null;
    }
    const particles = (posterior as Generation).particles;
    const cumulative = cumulativeSums(Float64Array.from(particles, (p) => p.weight));
    const { seed } = this.settings;
    const proposals = Array.from({ length: count }, (_, index): Proposal => {
      const drawn = particles[pickIndex(cumulative, createRng(deriveSeed(seed, CHECK, index))())];
      return { generation: CHECK, index, values: drawn.values, seed: deriveSeed(seed, 'check-run', index), particle: drawn.index };
    });
    this.waiting = new Map(proposals.map((proposal) => [recordKey(proposal), proposal]));
    return proposals;
  }

  private finishCheck(): void {
    this.check = [...this.pending.values()].sort((a, b) => a.index - b.index);
    this.pending.clear();
  }
}

/**
 * Returns the next generation's tolerance from this one's particles (Del Moral, Doucet & Jasra 2012, §3): the
 * smallest of their distances ε such that the particles within ε keep at least α of the effective sample size,
 * ESS({Wᵢ : dᵢ ≤ ε}) ≥ α ESS({Wᵢ}). With one simulation per particle their weight update is Wᵢ 1[dᵢ ≤ ε], so this is
 * their rule of choosing ε_n to make the ESS fall by the factor α; with equal weights it is the α-quantile of the
 * distances. Distances that take few values (counts) can make the rule return the current tolerance again: then the
 * largest distance below the current tolerance is taken, so that the tolerance keeps falling while it can.
 */
export function nextTolerance(particles: readonly Pick<Particle, 'weight' | 'distance'>[], alpha: number, current: number | null): number {
  const sorted = [...particles].sort((a, b) => a.distance - b.distance);
  let sum = 0;
  let sumSquares = 0;
  for (const { weight } of sorted) {
    sum += weight;
    sumSquares += weight * weight;
  }
  const target = (alpha * sum * sum) / sumSquares;
  let kept = 0;
  let keptSquares = 0;
  let chosen = sorted[sorted.length - 1]?.distance ?? 0;
  for (let i = 0; i < sorted.length; i++) {
    kept += sorted[i].weight;
    keptSquares += sorted[i].weight * sorted[i].weight;
    // Ties: a tolerance keeps every particle at its distance.
    if (i + 1 < sorted.length && sorted[i + 1].distance === sorted[i].distance) continue;
    if ((kept * kept) / keptSquares >= target) {
      chosen = sorted[i].distance;
      break;
    }
  }
  if (current === null || chosen < current) return chosen;
  for (let i = sorted.length - 1; i >= 0; i--) if (sorted[i].distance < current) return sorted[i].distance;
  return current;
}

/** Returns the effective sample size of weights, (Σw)² / Σw². */
export function effectiveSampleSize(weights: ArrayLike<number>): number {
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i];
    sumSquares += weights[i] * weights[i];
  }
  return sumSquares > 0 ? (sum * sum) / sumSquares : 0;
}

function cumulativeSums(weights: ArrayLike<number>): Float64Array {
  const sums = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sums[i] = sum += weights[i];
  return sums;
}

/** Returns the index of a particle drawn by weight with a uniform u in [0, 1): the first whose cumulative weight
 * exceeds u times the total. */
export function weightedIndex(weights: readonly number[], u: number): number {
  return pickIndex(cumulativeSums(weights), u);
}

/** Returns the index drawn by a uniform u in [0, 1) from cumulative weights: the first whose sum exceeds u × total. */
function pickIndex(cumulative: Float64Array, u: number): number {
  const target = u * cumulative[cumulative.length - 1];
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulative[middle] > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

function logSumExp(terms: Float64Array): number {
  let top = Number.NEGATIVE_INFINITY;
  for (const term of terms) if (term > top) top = term;
  if (top === Number.NEGATIVE_INFINITY) return top;
  let sum = 0;
  for (const term of terms) sum += Math.exp(term - top);
  return top + Math.log(sum);
}

// A prior's spread in its working space: its interquartile-like width, used only to regularise a singular kernel.
function workingSpread(prior: Prior): number {
  return Math.abs(toWorking(prior, priorQuantile(prior, 0.95)) - toWorking(prior, priorQuantile(prior, 0.05))) || 1;
}
