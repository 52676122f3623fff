// Calibration files are checked like scenarios and sweeps: every problem placed at file:line:column with what was
// expected, what was found and a fix, and a did-you-mean for a misspelt statistic or key.
import { describe, expect, it } from 'vitest';
import { isCalibrationText } from '../../src/calibration/kind.ts';
import { hashCalibration, loadCalibration } from '../../src/calibration/load.ts';
import * as message from '../../src/calibration/messages.ts';
import { isPartnersimError } from '../../src/errors.ts';
import { createMemoryHost } from '../../src/scenario/host.ts';
import { baseScenarioMissing } from '../../src/scenario/messages.ts';
import { tinyScenario } from '../cli/fixtures.ts';

const FILE = 'calibrations/c.yaml';
const BASE = `scenario: ../scenarios/tiny.yaml
parameters:
  market.competition: {prior: uniform, min: 0, max: 1}
  trust.sensitivity: {prior: logUniform, min: 1, max: 20}
targets:
  - statistic: survival
    age: 5
    observed: 0.5
    interval: [0.4, 0.6]
    source: Harrigan (1988)
  - statistic: active
    window: {from: 49, to: 60}
    observed: 5
    sd: 2
    source: assumption
method: {particles: 50}
`;

const load = (text: string) =>
  loadCalibration(FILE, createMemoryHost({ 'scenarios/tiny.yaml': tinyScenario({ steps: 120 }), [FILE]: text }));

/** Returns the PartnersimError loading this text throws: its code and message. */
function failure(text: string): { code: string; message: string } {
  try {
    load(text);
  } catch (error) {
    if (isPartnersimError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('the calibration loaded');
}

const at = (line: number, col: number) => `${FILE}:${line}:${col}`;

describe('loadCalibration', () => {
  it('normalises a good file: parameters in the order written, targets with their options, every setting explicit', () => {
    const { calibration, scenario } = load(BASE);
    expect(calibration.parameters).toEqual([
      { name: 'market.competition', prior: { kind: 'uniform', min: 0, max: 1 } },
      { name: 'trust.sensitivity', prior: { kind: 'logUniform', min: 1, max: 20 } },
    ]);
    expect(calibration.targets[1]).toEqual({
      statistic: 'active',
      steps: { from: 49, to: 60 },
      observed: 5,
      sd: 2,
      interval: null,
      source: 'assumption',
    });
    expect(calibration.settings).toEqual({
      method: 'smc',
      particles: 50,
      generations: 10,
      alpha: 0.5,
      tolerance: 0,
      minAcceptance: 0.01,
      budget: null,
      predictive: 100,
      distance: 'rms',
      seed: scenario.time.seed,
    });
    expect(calibration.name).toBe('c');
    expect(isCalibrationText(BASE, FILE)).toBe(true);
    expect(isCalibrationText('scenario: x.yaml\nparameters: {}\n', FILE)).toBe(false);
  });

  it('hashes what decides the runs, not the sources', () => {
    const { calibration, scenarioHash, hash } = load(BASE);
    expect(hashCalibration(calibration, scenarioHash)).toBe(hash);
    expect(load(BASE.replace('source: assumption', 'source: assumption, checked again')).hash).toBe(hash);
    expect(load(BASE.replace('observed: 5', 'observed: 6')).hash).not.toBe(hash);
  });

  it('refuses a target without a source', () => {
    expect(failure(BASE.replace('    source: Harrigan (1988)\n', ''))).toEqual({
      code: 'calibration-invalid',
      message: message.targetWithoutSource(at(6, 5), 'survival'),
    });
  });

  it('refuses an unknown statistic, with the nearest name', () => {
    const { code, message: text } = failure(BASE.replace('statistic: survival', 'statistic: survivl'));
    expect(code).toBe('unknown-statistic');
    expect(text).toContain(`${at(6, 16)}: unknown statistic "survivl"`);
    expect(text).toContain('did you mean survival? Fix: write statistic: survival.');
  });

  it('refuses a prior with min at or above max, and one outside its parameter’s range', () => {
    expect(failure(BASE.replace('min: 0, max: 1', 'min: 1, max: 1')).message).toBe(
      message.priorRangeEmpty(at(3, 53), 'market.competition', 1, 1),
    );
    expect(failure(BASE.replace('min: 0, max: 1', 'min: 0, max: 1.5')).message).toBe(
      message.priorOutsideRange(at(3, 53), 'market.competition', 'in [0, 1]', 'max: 1.5', 'keep min and max in [0, 1]'),
    );
    expect(failure(BASE.replace('min: 1, max: 20', 'min: 0, max: 20')).message).toBe(
      message.logUniformNotPositive(at(4, 47), 'trust.sensitivity', 0),
    );
    expect(failure(BASE.replace('min: 1, max: 20', 'min: 1, max: 60')).message).toBe(
      message.priorOutsideRange(at(4, 55), 'trust.sensitivity', 'in (0, 50]', 'max: 60', 'keep min and max in (0, 50]'),
    );
    expect(failure(BASE.replace('{prior: uniform, min: 0, max: 1}', '{prior: normal, mean: 0.5, sd: 0.1}')).message).toContain(
      'found a normal prior, which reaches every value. Fix: use {prior: truncatedNormal, mean: 0.5, sd: 0.1, min: ..., max: ...}',
    );
    expect(failure(BASE.replace('{prior: uniform, min: 0, max: 1}', '{prior: uniform, min: 0}')).message).toBe(
      message.priorNeeds(at(3, 23), 'market.competition', 'uniform', 'max', 'min: 0, max: 1'),
    );
    expect(failure(BASE.replace('{prior: uniform, min: 0, max: 1}', '{prior: uniform, min: 0, max: 1, sd: 2}')).message).toBe(
      message.priorTakesNo(at(3, 60), 'market.competition', 'uniform', 'sd', ['min', 'max']),
    );
  });

  it('refuses an observed value outside what its statistic can take', () => {
    expect(failure(BASE.replace('observed: 0.5\n    interval: [0.4, 0.6]', 'observed: 50\n    sd: 5')).message).toBe(
      message.observedOutOfRange(at(8, 15), 'survival', 'observed', 50, 'from 0 to 1'),
    );
    expect(failure(BASE.replace('observed: 5\n', 'observed: -1\n')).message).toBe(
      message.observedOutOfRange(at(13, 15), 'active', 'observed', -1, 'of 0 or more'),
    );
  });

  it('refuses fewer particles than the parameters + 2', () => {
    expect(failure(BASE.replace('particles: 50', 'particles: 3'))).toEqual({
      code: 'calibration-invalid',
      message: message.tooFewParticles(at(16, 21), 3, 2),
    });
  });

  it('refuses a target without an uncertainty or with two, and an interval that does not hold the observed value', () => {
    expect(failure(BASE.replace('    sd: 2\n', '')).message).toBe(message.uncertaintyNeeded(at(13, 15), false));
    expect(failure(BASE.replace('    sd: 2\n', '    sd: 2\n    interval: [1, 9]\n')).message).toBe(
      message.uncertaintyNeeded(at(15, 15), true),
    );
    expect(failure(BASE.replace('interval: [0.4, 0.6]', 'interval: [0.6, 0.7]')).message).toBe(
      message.intervalNotAround(at(9, 15), 0.6, 0.7, 0.5),
    );
  });

  it('suggests, for a target without a step, a step and a window the run reaches, which then load', () => {
    const short = (text: string) =>
      loadCalibration(FILE, createMemoryHost({ 'scenarios/tiny.yaml': tinyScenario({ steps: 12 }), [FILE]: text }));
    const stepless = BASE.replace('    age: 5\n', '    age: 0.5\n').replace('    window: {from: 49, to: 60}\n', '');
    expect(() => short(stepless)).toThrow(
      message.statisticNeeds(at(11, 16), 'active', 'a step or a window', 'step: 12 (or window: {from: 1, to: 12})'),
    );
    const withStep = short(stepless.replace('statistic: active\n', 'statistic: active\n    step: 12\n'));
    expect(withStep.calibration.targets[1].steps).toEqual({ from: 12, to: 12 });
    const withWindow = short(stepless.replace('statistic: active\n', 'statistic: active\n    window: {from: 1, to: 12}\n'));
    expect(withWindow.calibration.targets[1].steps).toEqual({ from: 1, to: 12 });
  });

  it('refuses a statistic without the option it needs or with one it does not take, and steps or ages a run cannot reach', () => {
    expect(failure(BASE.replace('    age: 5\n', '')).message).toBe(message.statisticNeeds(at(6, 16), 'survival', 'age', 'age: 5'));
    expect(failure(BASE.replace('    age: 5\n', '    age: 5\n    step: 3\n')).message).toBe(
      message.statisticTakesNo(at(8, 11), 'survival', 'step'),
    );
    expect(failure(BASE.replace('age: 5', 'age: 12')).message).toBe(message.targetAgeBeyondRun(at(7, 10), 'survival', 12, 10));
    expect(failure(BASE.replace('{from: 49, to: 60}', '{from: 49, to: 130}')).message).toBe(
      message.targetStepBeyondRun(at(12, 28), 130, 120),
    );
    expect(failure(BASE.replace('{from: 49, to: 60}', '{from: 60, to: 49}')).message).toBe(message.windowBackwards(at(12, 13), 60, 49));
    expect(failure(BASE.replace('statistic: survival\n    age: 5', 'statistic: hazard\n    age: 1.5')).message).toBe(
      message.hazardAgeNotWhole(at(7, 10), 1.5),
    );
  });

  it('refuses a key that holds a whole number, a misspelt key with the nearest, and ABC-SMC settings for rejection ABC', () => {
    expect(failure(BASE.replace('market.competition:', 'time.steps:')).message).toBe(
      message.parameterNotContinuous(at(3, 3), 'time.steps'),
    );
    const misspelt = failure(BASE.replace('market.competition:', 'market.competiton:'));
    expect(misspelt.code).toBe('unknown-key');
    expect(misspelt.message).toContain('did you mean parameters.market.competition?');
    expect(failure(BASE.replace('method: {particles: 50}', 'method: {particles: 50, algorithm: rejection, alpha: 0.3}')).message).toBe(
      message.smcOnlySetting(at(16, 54), 'alpha'),
    );
  });

  it('names a missing calibration file and a missing base scenario at its key', () => {
    expect(() => loadCalibration('nowhere.yaml', createMemoryHost({}))).toThrow(message.calibrationFileMissing('nowhere.yaml'));
    const missing = loadWithout();
    expect(missing).toBe(baseScenarioMissing(at(1, 11), 'scenarios/tiny.yaml', FILE));
  });
});

function loadWithout(): string {
  try {
    loadCalibration(FILE, createMemoryHost({ [FILE]: BASE }));
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}
