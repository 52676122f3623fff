// `partnersim validate FILE... [--set k=v]`: one line per file, errors for bad ones, exit status 2 if any is bad; a
// directory or named pipe where a file is expected (the file itself, or one it names) is said to be one, not read.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerValidate } from '../../src/cli/commands.ts';
import { errorLine, setOnSweep, validateOk, validateSweepOk } from '../../src/cli/messages.ts';
import {
  baseScenarioMissing,
  extendsMissing,
  fileLocation,
  fileMissing,
  outOfRange,
  registerFileMissing,
  setLocation,
} from '../../src/scenario/messages.ts';
import type { FoundInstead } from '../../src/scenario/host.ts';
import { rangeNotIncreasing, sweepWithoutScenario } from '../../src/sweep/messages.ts';
import { BIN, useTempDir, type CliResult } from './fixtures.ts';
import { nodeHost } from '../../src/cli/node-host.ts';
import { estimateRunSize, runMemoryBytes, type RunSize } from '../../src/results/estimate.ts';
import { defaultNetwork } from '../../src/results/network-output.ts';
import { loadScenario } from '../../src/scenario/load.ts';

const tmp = useTempDir('validate');
const write = tmp.write;

// What `partnersim run FILE` would need, as validate says it.
function runSize(file: string, set: readonly string[] = []): RunSize {
  const scenario = loadScenario(file, nodeHost, { set });
  return estimateRunSize(scenario, 1, defaultNetwork(scenario.time));
}

async function validate(...args: string[]): Promise<CliResult> {
  const result: CliResult = { code: 0, out: '', err: '' };
  const program = new Command().exitOverride();
  registerValidate(program, { out: (text) => (result.out += text), err: (text) => (result.err += text) }, result);
  await program.parseAsync(['validate', ...args], { from: 'user' });
  return result;
}

describe('partnersim validate', () => {
  it('prints a line for each good file and exits 0', async () => {
    const baseline = write('baseline.yaml', 'name: baseline\n');
    const small = write('small.json', '{"time": {"steps": 36}, "organisations": {"areas": 2, "kinds": {"school": 10}}}');
    const { code, out, err } = await validate(baseline, small);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toBe(
      `${validateOk(baseline, 'baseline', 4, 120, runSize(baseline))}\n${validateOk(small, 'small', 2, 36, runSize(small))}\n`,
    );
    expect([runSize(baseline).organisations, runSize(small).organisations]).toEqual([166, 94]);
    expect(out).toContain('a run needs about 130 MB of memory');
  });

  it('prints the error of a bad file, goes on with the others, and exits 2', async () => {
    const bad = write('bad.yaml', 'policy:\n  carrot: 1.5\n');
    const missing = tmp.path('missing.yaml');
    const good = write('good.yaml', 'time: {steps: 12}\n');
    const { code, out, err } = await validate(bad, missing, good);
    expect(code).toBe(2);
    expect(out).toBe(`${validateOk(good, 'good', 4, 12, runSize(good))}\n`);
    const badLine = errorLine(outOfRange(fileLocation(bad, 2, 11), 'policy.carrot', 'a number from 0 to 1', '1.5'));
    expect(err).toBe(`${badLine}\n${errorLine(fileMissing(missing))}\n`);
  });

  it('applies --set to every file', async () => {
    const file = write('set.yaml', 'name: set\n');
    const { code, out } = await validate(file, '--set', 'organisations.areas=1', '--set', 'time.steps=6');
    expect(code).toBe(0);
    expect(out).toBe(`${validateOk(file, 'set', 1, 6, runSize(file, ['organisations.areas=1', 'time.steps=6']))}\n`);
  });

  it('reports a bad --set against each file', async () => {
    const file = write('plain.yaml', '{}\n');
    const { code, err } = await validate(file, '--set', 'policy.stick=2');
    expect(code).toBe(2);
    expect(err).toBe(`${errorLine(outOfRange(setLocation('policy.stick=2'), 'policy.stick', 'a number from 0 to 1', '2'))}\n`);
  });

  it('checks a sweep file, its base scenario and its design', async () => {
    write('base.yaml', 'name: base\n');
    const sweep = write('grid.yaml', 'scenario: base.yaml\nparameters:\n  policy.carrot: [0, 0.5]\nreplicates: 3\n');
    const bad = write('bad-sweep.yaml', 'scenario: base.yaml\nparameters:\n  policy.carrot: {from: 0.5, to: 0.2, steps: 2}\n');
    const { code, out, err } = await validate(sweep, bad);
    expect(code).toBe(2);
    expect(out).toBe(validateSweepOk(sweep, 'grid', 'grid', 2, 6, 'base', runMemoryBytes(166)) + '\n');
    expect(err).toBe(errorLine(rangeNotIncreasing(fileLocation(bad, 3, 34), 'policy.carrot', 0.5, 0.2)) + '\n');
  });

  it('tells a sweep file that lacks scenario: that it needs one, rather than checking it as a scenario', async () => {
    const sweep = write('no-scenario.yaml', 'name: lost\nparameters:\n  policy.carrot: [0, 0.5]\nreplicates: 2\n');
    const { code, err } = await validate(sweep);
    expect(code).toBe(2);
    expect(err).toBe(`${errorLine(sweepWithoutScenario(fileLocation(sweep, 1, 1)))}\n`);
    expect(err).not.toContain('unknown key parameters');
  });

  it('refuses --set with a sweep file', async () => {
    write('base.yaml', 'name: base\n');
    const sweep = write('grid.yaml', 'scenario: base.yaml\nparameters:\n  policy.carrot: [0, 0.5]\n');
    const { code, err } = await validate(sweep, '--set', 'policy.stick=0.5');
    expect(code).toBe(2);
    expect(err).toBe(errorLine(setOnSweep(sweep)) + '\n');
  });
});

describe.skipIf(process.platform === 'win32')('partnersim validate: a directory or named pipe where a file is expected', () => {
  // A scenario, a scenario that extends `target`, one that reads it as its register extract, and a sweep over it; and
  // the error lines validate prints for them, `target` being `found`.
  function filesNaming(target: string, found: FoundInstead): { files: string[]; err: string } {
    const name = target.slice(tmp.root.length + 1);
    const extending = write(`extends-${name}.yaml`, `extends: ${name}\n`);
    const register = write(`register-${name}.yaml`, `organisations:\n  from:\n    establishments: ${name}\n`);
    const sweep = write(`sweep-${name}.yaml`, `scenario: ${name}\nparameters:\n  policy.carrot: [0]\n`);
    const lines = [
      fileMissing(target, found),
      extendsMissing(fileLocation(extending, 1, 10), target, extending, found),
      registerFileMissing(fileLocation(register, 3, 21), 'establishments', target, register, found),
      baseScenarioMissing(fileLocation(sweep, 1, 11), target, sweep, found),
    ];
    return { files: [target, extending, register, sweep], err: lines.map((line) => `${errorLine(line)}\n`).join('') };
  }

  it('says a directory is one, at the key that names it', async () => {
    const dir = tmp.path('adir');
    mkdirSync(dir);
    const { files, err } = filesNaming(dir, 'directory');
    expect(await validate(...files)).toEqual({ code: 2, out: '', err });
  });

  it('refuses a named pipe without waiting on it, at the key that names it', () => {
    const fifo = tmp.path('pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    const { files, err } = filesNaming(fifo, 'fifo');
    // As the installed command, in its own process, so that a read that waits for a writer ends at the time limit.
    const { status, stdout, stderr } = spawnSync(process.execPath, [BIN, 'validate', ...files], { encoding: 'utf8', timeout: 30_000 });
    expect({ status, stdout, stderr }).toEqual({ status: 2, stdout: '', stderr: err });
  }, 60_000);
});
