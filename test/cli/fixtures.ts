// Shared set-up for the tests that run the command line or read scenario files from disk:
// the tiny scenario's text, a temporary directory of named files, and main() with its output captured.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { main, type Deps } from '../../src/cli/main.ts';

/** The organisations of the tiny scenario in two areas. */
export const TINY_KINDS: Readonly<Record<string, number>> = { school: 12, academy: 8, trust: 2, college: 2, provider: 2, community: 2 };

/** The text of a scenario named tiny, seed 5, small enough to run in a moment. */
export function tinyScenario({
  steps = 12,
  areas = 2,
  kinds = TINY_KINDS,
}: {
  steps?: number;
  areas?: number;
  kinds?: Readonly<Record<string, number>>;
} = {}): string {
  const counts = Object.entries(kinds)
    .map(([kind, count]) => `${kind}: ${count}`)
    .join(', ');
  return `name: tiny
time: {steps: ${steps}, seed: 5}
organisations:
  areas: ${areas}
  kinds: {${counts}}
`;
}

export interface TempDir {
  /** The directory: its path is fixed when the test file loads; it exists only while the tests run. */
  readonly root: string;
  /** The path of `name` inside the directory. */
  path(name: string): string;
  /** Writes `text` to `name` inside the directory, making the folders on the way, and returns its path. */
  write(name: string, text: string): string;
}

/**
 * A temporary directory `partnersim-<label>-…` holding `files` (name to text), made before the test file's tests
 * and removed after them; with `lifetime` 'test', made afresh before each test and removed after it.
 */
export function useTempDir(label: string, files: Readonly<Record<string, string>> = {}, lifetime: 'file' | 'test' = 'file'): TempDir {
  const root = join(tmpdir(), `partnersim-${label}-${randomUUID()}`);
  const dir: TempDir = {
    root,
    path: (name) => join(root, name),
    write: (name, text) => {
      const path = join(root, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      return path;
    },
  };
  const make = () => {
    mkdirSync(root);
    for (const [name, text] of Object.entries(files)) dir.write(name, text);
  };
  const remove = () => rmSync(root, { recursive: true, force: true });
  if (lifetime === 'test') {
    beforeEach(make);
    afterEach(remove);
  } else {
    beforeAll(make);
    afterAll(remove);
  }
  return dir;
}

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs main(args) and returns its exit status with all it wrote to stdout and stderr; `deps` replaces the process's
 * environment (stderr is taken not to be a terminal). */
export async function runCli(args: string[], deps: Partial<Deps> = {}): Promise<CliResult> {
  let out = '';
  let err = '';
  const io = {
    out: (text: string) => {
      out += text;
    },
    err: (text: string) => {
      err += text;
    },
  };
  const code = await main(args, io, { env: process.env, terminal: false, ...deps });
  return { code, out, err };
}

/** The bin, as a user runs it. */
export const BIN = join(import.meta.dirname, '..', '..', 'bin', 'partnersim.js');

/** Runs the bin with these arguments in a process of its own and sends it `signal` once `ready()` (polled every 20 ms)
 * says so; returns how it exited and its stderr. */
export async function signalledCli(
  args: string[],
  signal: NodeJS.Signals,
  ready: () => boolean,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (chunk) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  while (!ready() && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 20));
  child.kill(signal);
  return { ...(await exited), err };
}
