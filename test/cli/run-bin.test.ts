// The installed command: `node bin/partnersim.js run` in a subprocess, with --out and with the default results/<name>.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_FILE } from '../../src/results/run-files.ts';
import { NETWORK_DIR } from '../../src/results/network-files.ts';
import { RESULT_FILES } from '../../src/results/run-files.ts';
import { useTempDir } from './fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin', 'partnersim.js');
const BASELINE = join(ROOT, 'scenarios', 'baseline.yaml');

const root = useTempDir('bin').root;

describe('bin/partnersim.js run', () => {
  it('runs scenarios/baseline.yaml into --out and exits 0', () => {
    const out = join(root, 'out');
    const printed = execFileSync(process.execPath, [BIN, 'run', BASELINE, '--steps', '12', '--out', out, '--quiet'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(printed).toBe(`${out}\n`);
    expect(readdirSync(out).sort()).toEqual([...RESULT_FILES, REPORT_FILE, NETWORK_DIR].sort());
  }, 60_000);

  it('writes to results/<scenario name> under the working directory by default', () => {
    const printed = execFileSync(process.execPath, [BIN, 'run', BASELINE, '--steps', '2', '--quiet'], { cwd: root, encoding: 'utf8' });
    const dir = printed.trim();
    expect(dir.startsWith(join('results', ''))).toBe(true);
    expect(existsSync(join(root, dir, 'manifest.json'))).toBe(true);
  }, 60_000);
});

describe('bin/partnersim.js writing to a pipe its reader closes early', () => {
  // As `partnersim schema | head -1` (or `| head -0`): the reader is gone before the command prints (its end of the
  // pipe is closed as soon as the command starts, long before Node has loaded it), so the write meets a closed pipe
  // (EPIPE), which ends the command quietly with its own status rather than with a stack trace.
  it('drops what is left to print and exits 0 with nothing on stderr', async () => {
    const child = spawn(process.execPath, [BIN, 'schema'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = (await once(child, 'close')) as [number | null];
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});
