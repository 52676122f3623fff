// The README's example of calibrating a simulator of one's own runs as written and prints what the README says it
// prints; and its figure for the exact posterior it is compared with is Beta(15, 7)'s.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

describe("the README's calibration of a toy model", { timeout: 120_000 }, () => {
  it('runs as written and prints the posterior the README shows', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]).find((code) => code.includes('await calibrate('));
    expect(block).toBeDefined();
    const shown = /console\.log\(.*\); \/\/ (.*)$/m.exec(block as string)?.[1];
    expect(shown).toBe('0.696 0.499 0.843');
    // In plain Node, from a directory inside the project, where 'partnersim' is this clone's build (a package can
    // import itself by name; the tests build dist/ first).
    const dir = mkdtempSync(join(ROOT, '.readme-example-'));
    try {
      const file = join(dir, 'example.mjs');
      writeFileSync(file, block as string);
      const run = spawnSync(process.execPath, [file], { cwd: ROOT, encoding: 'utf8', timeout: 110_000 });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout.trim()).toBe(shown);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
