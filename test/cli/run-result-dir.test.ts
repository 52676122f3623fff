// Where `partnersim run` writes by default, and what it will not replace: a run with overrides gets a directory named
// after them (never the plain scenario's results), results of other inputs are refused unless --force moves them
// aside, and a scenario name that tries to leave results/ is refused. Run in a process of its own, in a temporary
// working directory, as a user would.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as message from '../../src/results/messages.ts';
import { unsafeResultName } from '../../src/scenario/messages.ts';
import { BIN, tinyScenario, useTempDir } from './fixtures.ts';

const tmp = useTempDir('run-result-dir', {
  'tiny.yaml': tinyScenario({ steps: 6 }),
  'escape.yaml': tinyScenario({ steps: 6 }).replace('name: tiny', 'name: "../../escape"'),
});

const partnersim = (...args: string[]) => {
  const result = spawnSync(process.execPath, [BIN, ...args, '--quiet', '--no-report'], { cwd: tmp.root, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
};
const hashIn = (dir: string): string => JSON.parse(readFileSync(join(tmp.root, dir, 'manifest.json'), 'utf8')).scenarioHash;

describe('the result directory of partnersim run', { timeout: 60_000 }, () => {
  it('names a run with --set after its overrides, leaving the plain scenario’s results alone', () => {
    expect(partnersim('run', 'tiny.yaml')).toMatchObject({ code: 0, out: 'results/tiny\n' });
    const plain = hashIn('results/tiny');
    expect(partnersim('run', 'tiny.yaml', '--set', 'policy.carrot=0.6', '--seed', '9')).toMatchObject({
      code: 0,
      out: 'results/tiny+policy.carrot=0.6+time.seed=9\n',
    });
    expect(hashIn('results/tiny')).toBe(plain);
    expect(readdirSync(join(tmp.root, 'results')).sort()).toEqual(['tiny', 'tiny+policy.carrot=0.6+time.seed=9']);
  });

  it('refuses to replace results of other inputs, and with --force moves them aside and says where', () => {
    const plain = hashIn('results/tiny');
    const refused = partnersim('run', 'tiny.yaml', '--set', 'policy.carrot=0.6', '--out', 'results/tiny');
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(
      `partnersim: ${message.resultDirHoldsOther('results/tiny', 'results of partnersim run tiny made from other inputs')}\n`,
    );
    expect(hashIn('results/tiny')).toBe(plain);
    const forced = partnersim('run', 'tiny.yaml', '--set', 'policy.carrot=0.6', '--out', 'results/tiny', '--force');
    expect(forced.code).toBe(0);
    expect(forced.err).toBe(`${message.resultsMovedAside('results/tiny', join(tmp.root, 'results', 'tiny.replaced-1'))}\n`);
    expect(hashIn('results/tiny.replaced-1')).toBe(plain);
    expect(hashIn('results/tiny')).not.toBe(plain);
  });

  it('replaces results of the same inputs without asking', () => {
    expect(partnersim('run', 'tiny.yaml', '--out', 'results/again').code).toBe(0);
    expect(partnersim('run', 'tiny.yaml', '--out', 'results/again')).toMatchObject({ code: 0, err: '' });
  });

  it('refuses a scenario name that would leave results/, at the line that writes it, writing nothing', () => {
    const result = partnersim('run', 'escape.yaml');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^partnersim: .*escape\.yaml:\d+:\d+: name "\.\.\/\.\.\/escape": cannot be a folder in results\//);
    expect(result.err).toContain(unsafeResultName('../../escape', 'escape').slice('name '.length));
    expect(existsSync(join(tmp.root, '..', '..', 'escape'))).toBe(false);
  });
});
