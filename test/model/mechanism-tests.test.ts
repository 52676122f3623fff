// Every mechanism of the step has a test file of its own (issue 11.4): test/model/<id in kebab-case>.test.ts, or the
// file the table below names, which imports the module that defines the mechanism and calls its implementation (its
// run function, or the module's functions that run calls). A mechanism added to the schedule without one fails here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MECHANISM_IMPLEMENTATIONS } from '../../src/model/schedule.ts';
import { MECHANISM_IDS, type MechanismId } from '../../src/scenario/mechanisms.ts';

/** Mechanisms whose test file is not named after them, and why. */
const TEST_FILE_EXCEPTIONS: { readonly [M in MechanismId]?: string } = {
  governance: 'trusts', // the governance mechanism moves organisations into trusts; trusts.test.ts tests both
};

const MODEL = join(process.cwd(), 'src', 'model');

/** Returns a mechanism id in kebab-case: trustWeights → trust-weights. */
function kebabCase(id: string): string {
  return id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Returns the path of a mechanism's test file. */
function testFileFor(id: MechanismId): string {
  return join('test', 'model', `${TEST_FILE_EXCEPTIONS[id] ?? kebabCase(id)}.test.ts`);
}

/** Returns the module of src/model (without .ts) that defines the mechanism with this id, besides the schedule. */
function moduleOf(id: MechanismId): string[] {
  return readdirSync(MODEL)
    .filter((file) => file.endsWith('.ts') && file !== 'schedule.ts')
    .filter((file) =>
      new RegExp(`^export const \\w+: Mechanism = \\{[^}]*\\bid: '${id}'`, 'ms').test(readFileSync(join(MODEL, file), 'utf8')),
    )
    .map((file) => file.slice(0, -3));
}

/** Returns the functions that implement a mechanism: its run function, or, when run is written in place, the functions
 * of its module that it calls. */
function implementationOf(id: MechanismId, exported: Record<string, unknown>): string[] {
  const run = MECHANISM_IMPLEMENTATIONS[id].run;
  if (run.name !== 'run') return [run.name];
  const source = run.toString();
  return Object.keys(exported).filter((name) => typeof exported[name] === 'function' && new RegExp(`\\b${name}\\(`).test(source));
}

describe('every scheduled mechanism has a test file of its own', () => {
  it('names each exception after a mechanism whose own name is not the file', () => {
    for (const [id, file] of Object.entries(TEST_FILE_EXCEPTIONS)) {
      expect(MECHANISM_IDS).toContain(id);
      expect(file).not.toBe(kebabCase(id));
    }
    expect(testFileFor('trustWeights')).toBe(join('test', 'model', 'trust-weights.test.ts'));
  });

  it.each(MECHANISM_IDS)('%s: its test file imports its module and calls its implementation', async (id) => {
    const file = testFileFor(id);
    expect(existsSync(file), `${file} is missing: a mechanism needs a test file of its own`).toBe(true);
    const modules = moduleOf(id);
    expect(modules, `one module of src/model defines the mechanism ${id}`).toHaveLength(1);
    const [module] = modules;
    const text = readFileSync(file, 'utf8');
    expect(text, `${file} imports src/model/${module}.ts`).toContain(`from '../../src/model/${module}.ts'`);
    const functions = implementationOf(id, await import(`../../src/model/${module}.ts`));
    expect(functions.length).toBeGreaterThan(0);
    const called = functions.filter((name) => new RegExp(`\\b${name}\\(`).test(text));
    expect(called, `${file} calls ${functions.join(' and ')}`).toEqual(functions);
  });
});
