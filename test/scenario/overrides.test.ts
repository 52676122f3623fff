// --set key=value: dotted keys as in a file, values as YAML flow, errors naming the argument.
import { describe, expect, it } from 'vitest';
import { isPartnersimError, type ErrorCode, type PartnersimError } from '../../src/errors.ts';
import * as message from '../../src/scenario/messages.ts';
import { normalizeScenario } from '../../src/scenario/normalize.ts';
import { scenarioKeys } from '../../src/scenario/json-schema.ts';
import { applyOverrides, isSettableKey, parseOverride, settableKeys } from '../../src/scenario/overrides.ts';

function failure(arg: string): PartnersimError {
  try {
    parseOverride(arg);
  } catch (error) {
    if (isPartnersimError(error)) return error;
    throw error;
  }
  return expect.fail(`--set ${arg} was accepted`);
}

function expectFailure(arg: string, code: ErrorCode, text: string): void {
  const error = failure(arg);
  expect(error.message).toBe(text);
  expect(error.code).toBe(code);
}

describe('parseOverride', () => {
  it.each([
    ['policy.carrot=0.6', { policy: { carrot: 0.6 } }],
    ['time.steps=60', { time: { steps: 60 } }],
    ['organisations.kinds.school=100', { organisations: { kinds: { school: 100 } } }],
    ['organisations.areas=2', { organisations: { areas: 2 } }],
    ['trust.down=0.4', { trust: { down: 0.4 } }],
    ['name=foo', { name: 'foo' }],
    ['description=a carrot, then none', { description: 'a carrot, then none' }],
    [
      'policy.carrot=[{from: 0, value: 0.8}, {from: 36, value: 0}]',
      {
        policy: {
          carrot: [
            { from: 0, value: 0.8 },
            { from: 36, value: 0 },
          ],
        },
      },
    ],
    ['organisations.areas=[{name: North, weight: 2}]', { organisations: { areas: [{ name: 'North', weight: 2 }] } }],
  ])('reads %s', (arg, expected) => {
    expect(parseOverride(arg)).toEqual(expected);
  });

  it('suggests the closest key for an unknown one', () => {
    expectFailure('policy.carot=0.6', 'set-unknown-key', message.setUnknownKey('policy.carot=0.6', 'policy.carot', '0.6', 'policy.carrot'));
    expectFailure('carrot=0.6', 'set-unknown-key', message.setUnknownKey('carrot=0.6', 'carrot', '0.6', 'policy.carrot'));
    expectFailure(
      'organisations.kinds.schools=9',
      'set-unknown-key',
      message.setUnknownKey('organisations.kinds.schools=9', 'organisations.kinds.schools', '9', 'organisations.kinds.school'),
    );
  });

  it('refuses keys that hold a mapping, and extends', () => {
    expectFailure('policy=0.5', 'set-unknown-key', message.setUnknownKey('policy=0.5', 'policy', '0.5', undefined));
    expectFailure('extends=base.yaml', 'set-unknown-key', message.setUnknownKey('extends=base.yaml', 'extends', 'base.yaml', undefined));
  });

  it('says what a value that fails validation should be', () => {
    const at = message.setLocation;
    expectFailure(
      'policy.carrot=1.5',
      'set-bad-value',
      message.outOfRange(at('policy.carrot=1.5'), 'policy.carrot', 'a number from 0 to 1', '1.5'),
    );
    expectFailure(
      'time.steps=ten',
      'set-bad-value',
      message.wrongType(at('time.steps=ten'), 'time.steps', 'a whole number from 1 to 20000', 'the text "ten"'),
    );
    expectFailure(
      'policy.carrot=[{from: 5, value: 1}]',
      'set-bad-value',
      message.scheduleNotFromZero(at('policy.carrot=[{from: 5, value: 1}]'), 'policy.carrot', 5),
    );
    expectFailure(
      'organisations.areas=[{name: A}, {name: A}]',
      'set-bad-value',
      message.duplicateAreaName(
        at('organisations.areas=[{name: A}, {name: A}]'),
        'organisations.areas[1].name',
        'A',
        'organisations.areas[0].name',
      ),
    );
  });

  it('reports a value that does not parse', () => {
    const arg = 'policy.carrot=[{from: 0, value: 1}';
    const error = failure(arg);
    expect(error.code).toBe('set-bad-value');
    expect(
      error.message.startsWith(`${message.setLocation(arg)}: the value of policy.carrot does not parse: expected a YAML flow value`),
    ).toBe(true);
  });

  it('reports a value tagged as other than a plain value', () => {
    const arg = 'time.seed=!!binary aGVsbG8=';
    expectFailure(
      arg,
      'set-bad-value',
      message.setUnparsable(arg, 'time.seed', '"!!binary aGVsbG8=" (YAML tag !!binary, which gives no plain value)'),
    );
  });

  it('reports an argument without "="', () => {
    expectFailure('policy.carrot', 'bad-option', message.setMissingEquals('policy.carrot'));
  });
});

describe('applyOverrides', () => {
  it('applies arguments in order, a later one winning, without changing the input', () => {
    const input = { policy: { stick: 0.1 }, organisations: { areas: [{ name: 'North' }] } };
    const before = structuredClone(input);
    const result = applyOverrides(input, ['policy.carrot=0.2', 'policy.carrot=0.7', 'organisations.areas=2']);
    expect(result).toEqual({ policy: { stick: 0.1, carrot: 0.7 }, organisations: { areas: 2 } });
    expect(input).toEqual(before);
    expect(normalizeScenario(result).organisations.areas).toHaveLength(2);
  });
});

describe('settableKeys', () => {
  it('lists every value key outside lists, in schema order', () => {
    const keys = settableKeys();
    expect(keys.slice(0, 6)).toEqual(['name', 'description', 'time.steps', 'time.stepsPerYear', 'time.seed', 'organisations.areas']);
    expect(keys).toContain('organisations.kinds.community');
    expect(keys).toContain('context.politics');
    expect(keys).toContain('trust.sensitivity');
    expect(keys).not.toContain('policy');
    expect(keys.some((key) => key.includes('[]'))).toBe(false);
  });
});

describe('isSettableKey', () => {
  it('accepts exactly the keys settableKeys lists, of every key a scenario may hold and a few it may not', () => {
    const settable = new Set(settableKeys());
    const keys = [
      ...scenarioKeys().map(({ key }) => key),
      ...['', 'time', 'time.', 'time.seed.x', 'policy.carrot.from', 'nope', 'constructor', 'time.__proto__', 'toString'],
    ];
    for (const key of keys) expect([key, isSettableKey(key)]).toEqual([key, settable.has(key)]);
  });
});
