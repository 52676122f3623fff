// partnersim's public API: what a researcher imports to load scenarios and sweeps, run them and read the results
// as values. The CLI is a thin shell over these functions.
export { loadScenario, parseScenarioText, type LoadOptions } from './scenario/load.ts';
export { createMemoryHost, type NotAFile, type NotAFileKind, type ScenarioHost } from './scenario/host.ts';
export { normalizeScenario, hashScenario } from './scenario/normalize.ts';
export { applyOverrides } from './scenario/overrides.ts';
export { renderScenarioJsonSchema } from './scenario/json-schema.ts';
export {
  scenarioInputSchema,
  LEVER_KEYS,
  LEVER_MEANINGS,
  ORG_KINDS,
  COUNTED_KINDS,
  type Scenario,
  type ScenarioInput,
  type Schedule,
  type Area,
  type LeverKey,
  type OrgKind,
} from './scenario/schema.ts';
export { runScenario, runReplicates, ReplicateFailure, type RunOptions } from './engine/run.ts';
export { Simulation } from './engine/simulation.ts';
export { kaplanMeier, survivalAt, type SurvivalPoint } from './engine/survival.ts';
export { valueAt, leversAt } from './engine/levers.ts';
export type {
  RunResult,
  Metrics,
  MetricName,
  StepRecord,
  PartnershipRecord,
  PartnershipEvent,
  AreaMetrics,
  LevelName,
  Mandate,
  Cause,
  EventKind,
} from './engine/types.ts';
export { LEVEL_NAMES, MANDATES, CAUSES, EVENT_KINDS } from './engine/types.ts';
export { createRng, deriveSeed, replicateSeed, digest } from './random.ts';
export { PartnersimError, isPartnersimError, type ErrorCode } from './errors.ts';
export { summarise, aggregateMetrics } from './analysis/stats.ts';
export { nextTrust, nextDamage, trustSignal } from './model/trust.ts';
// Sweeps: load a sweep file (a base scenario, the keys to vary, a design), expand it into points and seeded runs
// (pure), run a point's scenario or the whole sweep on worker threads into a directory, and encode result tables.
// The unit-cube samplers are here too, for designs of one's own and for the sensitivity analysis.
export { loadSweep, hashSweep, renderSweepJsonSchema, type LoadedSweep } from './sweep/load.ts';
export { expandSweep, designPoints, pointScenario, runSeed, type SweepPlan, type SweepPoint, type SweepRun } from './sweep/expand.ts';
export { recordRun, sweepTables, isFailed, type RunRecord, type SweepTables } from './sweep/record.ts';
export {
  randomSample,
  latinHypercube,
  sobolSequence,
  saltelliSample,
  saltelliBlock,
  morrisTrajectories,
  morrisStep,
} from './sweep/designs.ts';
export { encodeTable, TABLE_FORMATS, type TableFormat, type Column, type Cell } from './sweep/table.ts';
export {
  sweepInputSchema,
  DESIGN_KINDS,
  SWEEPABLE_KEYS,
  TIMESERIES_FIELDS,
  type Sweep,
  type SweepInput,
  type SweepParameter,
  type Design,
  type DesignKind,
  type RecordSpec,
  type TimeseriesField,
} from './sweep/schema.ts';
// Sensitivity analysis and scenario discovery: each method takes plain arrays, so it works on any model's outputs
// (Sobol' indices from a Saltelli sample, Morris effects from trajectories, PRIM boxes from any cases); analyseSweep
// applies them to a finished sweep read with readPart.
export { sobolIndices, type SobolIndices } from './analysis/sobol.ts';
export { morrisEffects, type MorrisEffects, type MorrisFactor } from './analysis/morris.ts';
export { prim, type PrimOptions, type PrimBox, type PrimTrajectory, type PrimResult } from './analysis/prim.ts';
export { quantile, type Estimate, type BootstrapOptions } from './analysis/bootstrap.ts';
export { analyseSweep, type AnalysisRequest } from './analysis/analyse-sweep.ts';
export { ANALYSIS_METHODS, type AnalysisMethod, type Condition, type SweepAnalysis } from './analysis/sweep-analysis.ts';
export { mergeParts, sweepStatus, type Part, type SweepStatus } from './sweep/parts.ts';
export { shardIndices, type Shard, type SweepManifest } from './sweep/manifest.ts';
// Result directories on disk, read and written: a run's (manifest, summary, time series, partnerships, events), a
// comparison's, an analysis's and a sweep's (run into a directory that resumes, its parts read back), all written
// atomically so that a reader never sees half a result.
export {
  RESULT_FILES,
  REPORT_FILE,
  TIMESERIES_COLUMNS,
  PARTNERSHIP_COLUMNS,
  ORGANISATION_COLUMNS,
  LEADER_COLUMNS,
  NETWORK_COLUMNS,
  organisationRows,
  leaderRows,
  networkRows,
  resultFiles,
  runIdentity,
  type Provenance,
  type ResultFile,
  type RunOutcome,
} from './results/run-files.ts';
// A run's network and organisations (runScenario's networkEvery records the snapshots): the rows of organisations.csv,
// leaders.csv and network.csv above, the graph files of a snapshot, and the network measures of any graph.
export {
  NETWORK_DIR,
  snapshotStem,
  snapshotFiles,
  gexfText,
  graphmlText,
  type NodeAttributes,
  type EdgeAttributes,
} from './results/network-files.ts';
export { snapshotGraph } from './results/network-graph.ts';
export {
  networkSteps,
  adjacencyOf,
  measureNetwork,
  type Adjacency,
  type NetworkSnapshot,
  type OrganisationRecord,
  type TieRecord,
} from './engine/network.ts';
export type { LeaderPost } from './engine/posts.ts';
export type { NetworkMeasures } from './engine/types.ts';
export { defaultNetwork, type NetworkOutput } from './results/network-output.ts';
export { readStoredRun, parseStoredRun, type StoredRun } from './results/read-run.ts';
export { MANIFEST_FILE, readResultManifest } from './results/manifest.ts';
export {
  writeResultDir,
  openResultDir,
  defaultResultDir,
  writeFileAtomic,
  recoverLeftovers,
  UNFINISHED_DIR,
  type ResultIdentity,
  type WriteOptions,
  type PendingResultDir,
} from './results/write.ts';
export { finishedReplicates, runReplicatesInto, type ReplicateOptions } from './results/run-writer.ts';
export { COMPARE_KIND, readComparedRuns, defaultCompareDir, type CompareManifest } from './results/compare-dir.ts';
export { ANALYSIS_KIND, ANALYSIS_FILE, readAnalysis, type AnalysisManifest } from './results/analysis-dir.ts';
export { readPart, readManifest, readJournal, completeFiles } from './results/sweep-dir.ts';
export { runSweep, type SweepOptions, type SweepOutcome } from './results/run-sweep.ts';
// Calibration by approximate Bayesian computation: `calibrate` fits any simulator's parameters to observed targets
// (ABC-SMC or rejection ABC), with the priors, distances, kernel and sampler it is made of; a calibration file of
// partnersim is loaded, run on worker threads into a directory that resumes, and its posterior drawn from.
export {
  calibrate,
  driveSampler,
  replaySampler,
  DEFAULT_SETTINGS,
  type CalibrateOptions,
  type CalibrateTarget,
  type Calibrated,
  type RoundRunner,
} from './calibration/calibrate.ts';
export {
  AbcSampler,
  nextTolerance,
  effectiveSampleSize,
  weightedIndex,
  posteriorGeneration,
  ABC_METHODS,
  DISTANCE_KINDS,
  type AbcParameter,
  type AbcProblem,
  type AbcResult,
  type AbcSettings,
  type Generation,
  type Particle,
  type Proposal,
  type ProposalRecord,
  type StopReason,
} from './calibration/abc.ts';
export { PRIOR_KINDS, drawPrior, priorDensity, priorQuantile, type Prior } from './calibration/priors.ts';
export { targetDeviation, rmsDistance, scaledDistance, withinUncertainty, type Observation } from './calibration/distance.ts';
export { fitKernel, perturb, cholesky, weightedCovariance, type Kernel } from './calibration/kernel.ts';
export { summarisePosterior, weightedQuantile, predictiveCheck, type PosteriorSummary } from './calibration/posterior.ts';
export { drawFromPosterior, type PosteriorDraws } from './calibration/posterior-draws.ts';
export { STATISTICS, STATISTIC_NAMES, evaluateStatistics, type StatisticSpec, type StatisticDefinition } from './calibration/statistics.ts';
export { loadCalibration, renderCalibrationJsonSchema, type LoadedCalibration } from './calibration/load.ts';
export { calibratableKeys, type Calibration, type CalibrationTarget } from './calibration/schema.ts';
export { calibrateScenario } from './calibration/run-scenario.ts';
export {
  runCalibration,
  mergeCalibrationShards,
  type CalibrationRunOptions,
  type CalibrationRunOutcome,
} from './results/run-calibration.ts';
export {
  CALIBRATION_KIND,
  readPosteriorFile,
  replayCalibrationDir,
  type CalibrationManifest,
  type PosteriorFile,
} from './results/calibration-dir.ts';
