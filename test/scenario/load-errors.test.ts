// Each kind of bad scenario file gives one message naming file:line:column, the key, what was expected,
// what was found and a fix, with a stable error code (files written to a temporary directory, read from disk).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/cli/node-host.ts';
import { isPartnersimError, type ErrorCode } from '../../src/errors.ts';
import * as message from '../../src/scenario/messages.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { useTempDir } from '../cli/fixtures.ts';

const tmp = useTempDir('load');
const dir = tmp.root;
const write = tmp.write;

function expectFailure(path: string, code: ErrorCode, text: string): void {
  try {
    loadScenario(path, nodeHost);
  } catch (error) {
    if (!isPartnersimError(error)) throw error;
    expect(error.message).toBe(text);
    expect(error.code).toBe(code);
    return;
  }
  expect.fail(`${path} loaded without error`);
}

const at = message.fileLocation;

describe('syntax errors', () => {
  it('places malformed YAML at its line and column', () => {
    const path = write('bad-indent.yaml', 'policy:\n  carrot: 0.5\n   stick: 1\n');
    expectFailure(
      path,
      'yaml-syntax',
      message.malformedYaml(at(path, 2, 11), 'nested mappings are not allowed in compact mappings', '"0.5"'),
    );
  });

  it('reports a key written twice in YAML', () => {
    const path = write('twice.yaml', 'policy:\n  carrot: 0.5\n  carrot: 0.6\n');
    expectFailure(path, 'yaml-syntax', message.repeatedKey(at(path, 3, 3), '"carrot: 0.6"'));
  });

  it('places malformed JSON at its line and column, trailing comma included', () => {
    const path = write('comma.json', '{\n  "policy": {"carrot": 0.5,}\n}\n');
    expectFailure(path, 'json-syntax', message.malformedJson(at(path, 2, 28), 'a double-quoted key', '"}"'));
  });

  it('reports JSON cut short', () => {
    const path = write('short.json', '{\n  "policy": {"carrot": 0.5}\n');
    expectFailure(path, 'json-syntax', message.malformedJson(at(path, 3, 1), "',' or '}' after a value", 'the end of the file'));
  });

  it('reports a key written twice in JSON', () => {
    const path = write('twice.json', '{"time": {"steps": 10, "steps": 20}}');
    expectFailure(path, 'json-syntax', message.repeatedKey(at(path, 1, 24), '"\\"steps\\": 20}}"'));
  });
});

describe('keys and values', () => {
  it('names a misspelt key and the closest valid one', () => {
    const path = write('misspelt.yaml', 'name: x\npolicy:\n  carot: 0.6\n');
    expectFailure(path, 'unknown-key', message.unknownKey(at(path, 3, 3), 'policy.carot', 'carot', ['carrot', 'stick'], 'policy.carrot'));
  });

  it('suggests where a key put under the wrong heading belongs', () => {
    const path = write('misplaced.yaml', 'policy:\n  competition: 0.6\n');
    expectFailure(
      path,
      'unknown-key',
      message.unknownKey(at(path, 2, 3), 'policy.competition', 'competition', ['carrot', 'stick'], 'market.competition'),
    );
  });

  it('suggests a key that holds what was written: a number is not sent to a group of the same name', () => {
    // localAuthority is a heading of levers, not a kind of organisation (one authority per area is added).
    const path = write('kind.yaml', 'organisations:\n  kinds:\n    localAuthority: 2\n');
    const kinds = ['school', 'academy', 'trust', 'college', 'provider', 'community'];
    expectFailure(
      path,
      'unknown-key',
      message.unknownKey(at(path, 3, 5), 'organisations.kinds.localAuthority', 'localAuthority', kinds, undefined),
    );
  });

  it('suggests nothing for a key far from every valid one', () => {
    const path = write('far.yaml', 'trust:\n  zzzzzz: 1\n');
    const allowed = ['up', 'down', 'damageGrowth', 'damageDecay', 'dependenceWeight', 'sensitivity'];
    expectFailure(path, 'unknown-key', message.unknownKey(at(path, 2, 3), 'trust.zzzzzz', 'zzzzzz', allowed, undefined));
  });

  it('gives a lever of the wrong type one message naming both of its forms', () => {
    const path = write('type.yaml', 'policy:\n  carrot: high\n');
    expectFailure(
      path,
      'wrong-type',
      message.wrongType(
        at(path, 2, 11),
        'policy.carrot',
        'a number from 0 to 1, or a list of one or more {from, value}',
        'the text "high"',
      ),
    );
  });

  it('says a whole number is expected where one is', () => {
    const path = write('steps.yaml', 'time:\n  steps: "12"\n');
    expectFailure(path, 'wrong-type', message.wrongType(at(path, 2, 10), 'time.steps', 'a whole number from 1 to 20000', 'the text "12"'));
  });

  it('reports a value out of range', () => {
    const path = write('range.yaml', 'policy:\n  carrot: 1.5\n');
    expectFailure(path, 'out-of-range', message.outOfRange(at(path, 2, 11), 'policy.carrot', 'a number from 0 to 1', '1.5'));
  });

  it('reports a value out of range inside a schedule, at the entry', () => {
    const path = write('schedule-range.yaml', 'policy:\n  carrot:\n    - {from: 0, value: 0.5}\n    - {from: 12, value: -1}\n');
    expectFailure(path, 'out-of-range', message.outOfRange(at(path, 4, 25), 'policy.carrot[1].value', 'a number from 0 to 1', '-1'));
  });

  it('reports a misspelt key inside a schedule rather than the value it leaves missing', () => {
    const path = write('schedule-key.yaml', 'policy:\n  carrot:\n    - {from: 0, vlue: 0.5}\n');
    expectFailure(
      path,
      'unknown-key',
      message.unknownKey(at(path, 3, 17), 'policy.carrot[0].vlue', 'vlue', ['from', 'value'], 'policy.carrot[0].value'),
    );
  });

  it('reports a missing required key', () => {
    const path = write('schedule-missing.yaml', 'policy:\n  carrot:\n    - {from: 0}\n');
    expectFailure(path, 'wrong-type', message.missingKey(at(path, 3, 7), 'policy.carrot[0].value', 'a number from 0 to 1'));
  });

  it('reports the first problem in the text when there are several', () => {
    const path = write('several.yaml', 'trust:\n  up: 2\npolicy:\n  carot: 1\n');
    expectFailure(path, 'out-of-range', message.outOfRange(at(path, 2, 7), 'trust.up', 'a number from 0 to 1', '2'));
  });

  it('reports a file that is not a mapping', () => {
    const path = write('list.yaml', '- 1\n- 2\n');
    const keys =
      '{$schema, extends, name, description, time, organisations, policy, market, governance, localAuthority, leaders, partnerships, context, trust, model, mechanisms}';
    expectFailure(path, 'wrong-type', message.wrongType(at(path, 1, 1), 'the scenario', `a mapping ${keys}`, 'a list of 2'));
  });
});

describe('schedules and areas', () => {
  it('reports a schedule that does not start at step 0', () => {
    const path = write('late.yaml', 'policy:\n  carrot:\n    - {from: 12, value: 0.5}\n');
    expectFailure(path, 'schedule-order', message.scheduleNotFromZero(at(path, 3, 14), 'policy.carrot', 12));
  });

  it('reports a schedule out of order, in an area too', () => {
    const path = write(
      'order.yaml',
      'organisations:\n  areas:\n    - name: North\n      context:\n        history: [{from: 0, value: 0.1}, {from: 24, value: 0.2}, {from: 24, value: 0.3}]\n',
    );
    expectFailure(path, 'schedule-order', message.scheduleOutOfOrder(at(path, 5, 73), 'organisations.areas[0].context.history', 24, 24));
  });

  it('reports two areas with one name', () => {
    const path = write('areas.yaml', 'organisations:\n  areas:\n    - name: North\n    - name: South\n    - name: North\n');
    expectFailure(
      path,
      'duplicate-area',
      message.duplicateAreaName(at(path, 5, 13), 'organisations.areas[2].name', 'North', 'organisations.areas[0].name'),
    );
  });
});

describe('files and extends', () => {
  it('reports a missing scenario file', () => {
    const path = join(dir, 'nowhere.yaml');
    expectFailure(path, 'file-missing', message.fileMissing(path));
  });

  it('reports an extends of a missing file at the extends line', () => {
    const path = write('orphan.yaml', 'name: orphan\nextends: gone.yaml\n');
    expectFailure(path, 'extends-missing', message.extendsMissing(at(path, 2, 10), join(dir, 'gone.yaml'), path));
  });

  it('names the chain of an extends cycle', () => {
    const a = write('cycle/a.yaml', 'extends: b.yaml\n');
    const b = write('cycle/b.yaml', 'policy:\n  carrot: 0.2\nextends: ./c.yaml\n');
    const c = write('cycle/c.yaml', 'extends: ../cycle/a.yaml\n');
    expectFailure(a, 'extends-cycle', message.extendsCycle(at(c, 1, 10), [a, b, c, a]));
  });

  it('names a file that extends itself', () => {
    const path = write('self.yaml', 'extends: self.yaml\n');
    expectFailure(path, 'extends-cycle', message.extendsCycle(at(path, 1, 10), [path, path]));
  });

  it('places an error in a parent file in that file', () => {
    write('parent-bad.yaml', 'market:\n  competition: 7\n');
    const child = write('child-of-bad.yaml', 'extends: parent-bad.yaml\n');
    expectFailure(
      child,
      'out-of-range',
      message.outOfRange(at(join(dir, 'parent-bad.yaml'), 2, 16), 'market.competition', 'a number from 0 to 1', '7'),
    );
  });
});
