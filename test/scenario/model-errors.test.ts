// Bad model parameters and mechanism switches, in a file or with --set: each gives the usual one-line message naming
// the place, the key, what was expected and what was found, with a fix, and a stable code.
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/cli/node-host.ts';
import { isPartnersimError, type ErrorCode } from '../../src/errors.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import * as message from '../../src/scenario/messages.ts';
import { useTempDir } from '../cli/fixtures.ts';

const tmp = useTempDir('model-errors');
const at = message.fileLocation;
const THRESHOLD_RULE = 'the continuum thresholds increase: coordinating < cooperating < collaborating';

function expectFailure(run: () => unknown, code: ErrorCode, text: string): void {
  try {
    run();
  } catch (error) {
    if (!isPartnersimError(error)) throw error;
    expect(error.message).toBe(text);
    expect(error.code).toBe(code);
    return;
  }
  expect.fail('loaded without error');
}

describe('model parameters in a scenario file', () => {
  it('names a misspelt parameter and suggests the one meant', () => {
    const path = tmp.write('typo.yaml', 'model:\n  membership:\n    socialBenefi: 0.3\n');
    try {
      loadScenario(path, nodeHost);
      expect.fail('loaded');
    } catch (error) {
      if (!isPartnersimError(error)) throw error;
      expect(error.code).toBe('unknown-key');
      expect(error.message.startsWith(`${at(path, 3, 5)}: unknown key model.membership.socialBenefi`)).toBe(true);
      expect(error.message).toContain('did you mean model.membership.socialBenefit?');
    }
  });

  it('refuses a value outside the limits and a value of the wrong type', () => {
    const path = tmp.write('range.yaml', 'model:\n  interaction:\n    expectedContribution: 1.5\n');
    expectFailure(
      () => loadScenario(path, nodeHost),
      'out-of-range',
      message.outOfRange(at(path, 3, 27), 'model.interaction.expectedContribution', 'a number from 0 to 1', '1.5'),
    );
    const typed = tmp.write('type.yaml', 'model:\n  joining:\n    maxMembers: many\n');
    expectFailure(
      () => loadScenario(typed, nodeHost),
      'wrong-type',
      message.wrongType(at(typed, 3, 17), 'model.joining.maxMembers', 'a whole number, 0 or more', 'the text "many"'),
    );
  });

  it('refuses thresholds that do not increase, at the key that breaks the rule', () => {
    const path = tmp.write('thresholds.yaml', 'model:\n  continuum:\n    thresholdCooperating: 0.2\n');
    expectFailure(
      () => loadScenario(path, nodeHost),
      'parameter-rule',
      message.parameterRuleBroken(at(path, 3, 27), THRESHOLD_RULE, [
        ['model.continuum.thresholdCoordinating', 0.25],
        ['model.continuum.thresholdCooperating', 0.2],
        ['model.continuum.thresholdCollaborating', 0.75],
      ]),
    );
  });

  it('checks the rules on the merged scenario: a child may fix what its parent set', () => {
    tmp.write('parent.yaml', 'model:\n  continuum:\n    thresholdCoordinating: 0.3\n');
    const child = tmp.write('child.yaml', 'extends: parent.yaml\nmodel:\n  continuum:\n    thresholdCooperating: 0.4\n');
    expect(loadScenario(child, nodeHost).model).toEqual({ continuum: { thresholdCoordinating: 0.3, thresholdCooperating: 0.4 } });
    expectFailure(
      () => loadScenario(child, nodeHost, { set: ['model.continuum.thresholdCoordinating=0.45'] }),
      'parameter-rule',
      message.parameterRuleBroken(message.setLocation('model.continuum.thresholdCoordinating=0.45'), THRESHOLD_RULE, [
        ['model.continuum.thresholdCoordinating', 0.45],
        ['model.continuum.thresholdCooperating', 0.4],
        ['model.continuum.thresholdCollaborating', 0.75],
      ]),
    );
  });
});

describe('mechanisms switched off', () => {
  it('names an unknown mechanism and suggests the one meant', () => {
    const path = tmp.write('mech.yaml', 'mechanisms:\n  interactoin: false\n');
    try {
      loadScenario(path, nodeHost);
      expect.fail('loaded');
    } catch (error) {
      if (!isPartnersimError(error)) throw error;
      expect(error.code).toBe('unknown-key');
      expect(error.message).toContain(`${at(path, 2, 3)}: unknown key mechanisms.interactoin`);
      expect(error.message).toContain('did you mean mechanisms.interaction?');
    }
  });

  it('refuses switching off a mechanism another needs, and says which to switch off too', () => {
    const path = tmp.write('needed.yaml', 'mechanisms:\n  continuum: false\n');
    expectFailure(
      () => loadScenario(path, nodeHost),
      'mechanism-needed',
      message.mechanismNeeded(at(path, 2, 14), 'membership', 'continuum'),
    );
    const both = tmp.write('both.yaml', 'mechanisms:\n  continuum: false\n  membership: false\n');
    expect(loadScenario(both, nodeHost).mechanisms).toEqual({ membership: false, continuum: false });
  });
});

describe('--set on model parameters', () => {
  const base = () => tmp.write('base.yaml', 'name: base\n');

  it('takes a parameter by its dotted key, nested names included', () => {
    const scenario = loadScenario(base(), nodeHost, { set: ['model.kinds.school.power=0.35', 'mechanisms.mandate=false'] });
    expect(scenario.model).toEqual({ kinds: { school: { power: 0.35 } } });
    expect(scenario.mechanisms).toEqual({ mandate: false });
  });

  it('refuses a value that is not a number, naming the argument', () => {
    expectFailure(
      () => loadScenario(base(), nodeHost, { set: ['model.interaction.benefitBase=abc'] }),
      'set-bad-value',
      message.wrongType(
        message.setLocation('model.interaction.benefitBase=abc'),
        'model.interaction.benefitBase',
        'a number from 0 to 1',
        'the text "abc"',
      ),
    );
  });

  it('suggests the key meant for a misspelt one', () => {
    expectFailure(
      () => loadScenario(base(), nodeHost, { set: ['model.membership.socialBenefi=0.3'] }),
      'set-unknown-key',
      message.setUnknownKey('model.membership.socialBenefi=0.3', 'model.membership.socialBenefi', '0.3', 'model.membership.socialBenefit'),
    );
  });
});
