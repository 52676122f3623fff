// partnersim's public API: what a researcher imports to load scenarios, run them and read the results
// as values. The CLI is a thin shell over these functions.
export { loadScenario, parseScenarioText, type LoadOptions } from './scenario/load.ts';
export { createMemoryHost, type ScenarioHost } from './scenario/host.ts';
export { normalizeScenario, hashScenario } from './scenario/normalize.ts';
export { applyOverrides } from './scenario/overrides.ts';
export { renderScenarioJsonSchema } from './scenario/json-schema.ts';
export {
  scenarioInputSchema, LEVER_KEYS, LEVER_MEANINGS, ORG_KINDS, COUNTED_KINDS,
  type Scenario, type ScenarioInput, type Schedule, type Area, type LeverKey, type OrgKind,
} from './scenario/schema.ts';
export { runScenario, runReplicates, ReplicateFailure, type RunOptions } from './engine/run.ts';
export { Simulation } from './engine/simulation.ts';
export { kaplanMeier, survivalAt, type SurvivalPoint } from './engine/survival.ts';
export { valueAt, leversAt } from './engine/levers.ts';
export type {
  RunResult, Metrics, MetricName, StepRecord, PartnershipRecord, PartnershipEvent, AreaMetrics,
  LevelName, Mandate, Cause, EventKind,
} from './engine/types.ts';
export { LEVEL_NAMES, MANDATES, CAUSES, EVENT_KINDS } from './engine/types.ts';
export { createRng, deriveSeed, replicateSeed, digest } from './random.ts';
export { PartnersimError, isPartnersimError, type ErrorCode } from './errors.ts';
export { summarise, aggregateMetrics } from './analysis/stats.ts';
export { nextTrust, nextDamage, trustSignal } from './model/trust.ts';
