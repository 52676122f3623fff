// Writing a result directory: atomic replacement of results of the same inputs only, refusals naming what is there,
// --force moving earlier results aside, one writer at a time, leftovers of killed writes cleaned up or put back, and
// names that cannot leave the results folder. Writing a single file: what is not a regular file (a named pipe, a
// directory) is refused rather than replaced, and a link is followed, not replaced.
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPartnersimError } from '../../src/errors.ts';
import {
  leftoverRemoved,
  leftoverRestored,
  outputNotAFile,
  resultDirHoldsOther,
  resultDirLocked,
  resultDirOccupied,
  resultDirUnwritable,
  resultsMovedAside,
  writeFailureReason,
} from '../../src/results/messages.ts';
import {
  defaultResultDir,
  lockResultDir,
  openResultDir,
  resultName,
  UNFINISHED_DIR,
  writeFileAtomic,
  writeOutputFile,
  writeResultDir,
} from '../../src/results/write.ts';
import { unsafeResultName } from '../../src/scenario/messages.ts';
import { useTempDir } from '../cli/fixtures.ts';

const root = useTempDir('output', {}, 'test').root;

const identity = { kind: 'partnersim run', scenarioHash: 'abc', masterSeed: 1, reps: 1 };
const filesOf = (made: Record<string, unknown>) => ({ 'manifest.json': `${JSON.stringify(made)}\n`, 'summary.json': '{"a":1}\n' });
const files = filesOf(identity);
const other = { ...identity, scenarioHash: 'def' };
const options = { identity };

// A pid that no process has: the kernel's maximum is below 2^22.
const DEAD_PID = 4_194_304 + 7;

describe('writeResultDir', () => {
  it('creates the directory and its parents, leaving no temporary sibling or lock', () => {
    const dir = join(root, 'results', 'baseline');
    writeResultDir(dir, files, options);
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'summary.json']);
    expect(readdirSync(join(root, 'results'))).toEqual(['baseline']);
  });

  it('replaces results of the same command and inputs entirely', () => {
    const dir = join(root, 'out');
    writeResultDir(dir, { ...files, 'events.jsonl': 'old\n' }, options);
    expect(writeResultDir(dir, { 'manifest.json': files['manifest.json'] }, options)).toEqual({ movedAside: null });
    expect(readdirSync(dir)).toEqual(['manifest.json']);
    expect(readdirSync(root)).toEqual(['out']);
  });

  it('refuses results of other inputs or another command, naming what is there, and leaves them untouched', () => {
    const dir = join(root, 'out');
    writeResultDir(dir, files, options);
    expect(() => writeResultDir(dir, files, { identity: other })).toThrow(
      resultDirHoldsOther(dir, 'results of partnersim run made from other inputs'),
    );
    const sweep = { kind: 'partnersim sweep', hash: 'h', format: 'parquet', shard: null, sweep: { name: 'levers' } };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(sweep));
    expect(() => writeResultDir(dir, files, options)).toThrow(
      resultDirHoldsOther(dir, 'results of partnersim sweep levers (parquet) made from other inputs'),
    );
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'summary.json']);
    expect(readdirSync(root)).toEqual(['out']);
  });

  it('with force, moves other results aside to NAME.replaced-N, says where, and keeps every earlier one', () => {
    const dir = join(root, 'out');
    writeResultDir(dir, filesOf(other), { identity: other });
    const notes: string[] = [];
    expect(writeResultDir(dir, files, { ...options, force: true, onNote: (note) => notes.push(note) })).toEqual({
      movedAside: `${dir}.replaced-1`,
    });
    expect(notes).toEqual([resultsMovedAside(dir, `${dir}.replaced-1`)]);
    writeResultDir(dir, filesOf(other), { identity: other, force: true });
    expect(readdirSync(root).sort()).toEqual(['out', 'out.replaced-1', 'out.replaced-2']);
    expect(JSON.parse(readFileSync(join(root, 'out.replaced-1', 'manifest.json'), 'utf8')).scenarioHash).toBe('def');
    expect(JSON.parse(readFileSync(join(root, 'out.replaced-2', 'manifest.json'), 'utf8')).scenarioHash).toBe('abc');
  });

  it('fills an empty directory', () => {
    const dir = join(root, 'empty');
    mkdirSync(dir);
    writeResultDir(dir, files, options);
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'summary.json']);
  });

  it('refuses to replace a directory of other files, and leaves it untouched', () => {
    const dir = join(root, 'mine');
    mkdirSync(dir);
    writeFileSync(join(dir, 'thesis.tex'), 'precious');
    expect(() => writeResultDir(dir, files, options)).toThrow(resultDirOccupied(dir, 'files that are not partnersim results'));
    expect(readdirSync(dir)).toEqual(['thesis.tex']);
    expect(readdirSync(root)).toEqual(['mine']);
  });

  it('refuses to replace a regular file', () => {
    writeFileSync(join(root, 'notes'), 'precious');
    expect(() => writeResultDir(join(root, 'notes'), files, options)).toThrow(resultDirOccupied(join(root, 'notes'), 'a file'));
    expect(readFileSync(join(root, 'notes'), 'utf8')).toBe('precious');
  });

  it('reports a path under a regular file as unwritable, with the reason and the fix', () => {
    writeFileSync(join(root, 'file'), '');
    const dir = join(root, 'file', 'results', 'x');
    expect(() => writeResultDir(dir, files, options)).toThrow(resultDirUnwritable(dir, writeFailureReason('ENOTDIR', '')));
    expect(readdirSync(root)).toEqual(['file']);
  });

  it('removes its temporary directory and lock when a file cannot be written', () => {
    const dir = join(root, 'out');
    // `a` is written as a file, so `a/b.csv` cannot be.
    expect(() => writeResultDir(dir, { a: 'x', 'a/b.csv': 'y' }, options)).toThrow(/cannot write results/);
    expect(readdirSync(root)).toEqual([]);
  });
});

describe.skipIf(process.platform === 'win32')('a single file: writeFileAtomic', () => {
  const refusal = (write: () => void) => {
    try {
      write();
    } catch (error) {
      if (isPartnersimError(error)) return { code: error.code, message: error.message };
      throw error;
    }
    return expect.fail('written');
  };

  it('refuses a named pipe, a directory and a link to a named pipe, naming the path, and leaves each as it was', () => {
    const fifo = join(root, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const dir = join(root, 'dir');
    mkdirSync(dir);
    const link = join(root, 'link');
    symlinkSync('pipe', link);
    expect(refusal(() => writeFileAtomic(fifo, 'x'))).toEqual({ code: 'output-occupied', message: outputNotAFile(fifo, 'fifo') });
    expect(refusal(() => writeFileAtomic(dir, 'x'))).toEqual({ code: 'output-occupied', message: outputNotAFile(dir, 'directory') });
    expect(refusal(() => writeOutputFile(link, 'x'))).toEqual({ code: 'output-occupied', message: outputNotAFile(link, 'fifo') });
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readlinkSync(link)).toBe('pipe');
    expect(readdirSync(dir)).toEqual([]);
    expect(readdirSync(root).sort()).toEqual(['dir', 'link', 'pipe']);
  });

  it('follows a link: replaces the file it leads to, or makes it, and keeps the link', () => {
    const file = join(root, 'sub', 'real.yaml');
    mkdirSync(join(root, 'sub'));
    writeFileSync(file, 'old');
    symlinkSync(join('sub', 'real.yaml'), join(root, 'link.yaml'));
    symlinkSync(join('sub', 'new.yaml'), join(root, 'dangling.yaml'));
    writeFileAtomic(join(root, 'link.yaml'), 'new');
    writeOutputFile(join(root, 'dangling.yaml'), 'made');
    expect(readlinkSync(join(root, 'link.yaml'))).toBe(join('sub', 'real.yaml'));
    expect(readlinkSync(join(root, 'dangling.yaml'))).toBe(join('sub', 'new.yaml'));
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readFileSync(join(root, 'sub', 'new.yaml'), 'utf8')).toBe('made');
    expect(readdirSync(join(root, 'sub')).sort()).toEqual(['new.yaml', 'real.yaml']);
  });
});

describe('one writer at a time', () => {
  it('refuses a second writer while the first holds the lock, and lets it in afterwards', () => {
    const dir = join(root, 'out');
    const first = openResultDir(dir, options);
    // The lock names a running process (this one's parent) as its owner, as a second partnersim would find it.
    writeFileSync(join(root, '.out.lock'), `${process.ppid}\n`);
    expect(() => openResultDir(dir, options)).toThrow(resultDirLocked(dir, process.ppid, join(root, '.out.lock')));
    writeFileSync(join(root, '.out.lock'), `${process.pid}\n`);
    writeFileSync(join(first.path, 'manifest.json'), files['manifest.json']);
    first.publish();
    expect(readdirSync(root)).toEqual(['out']);
    openResultDir(dir, options).abort();
    expect(readdirSync(root)).toEqual(['out']);
  });

  it('takes over the lock of a writer that was killed', () => {
    writeFileSync(join(root, '.out.lock'), `${DEAD_PID}\n`);
    const release = lockResultDir(join(root, 'out'));
    expect(readFileSync(join(root, '.out.lock'), 'utf8')).toBe(`${process.pid}\n`);
    release();
    expect(readdirSync(root)).toEqual([]);
  });
});

describe('leftovers of killed writes', () => {
  it('removes the temporary directory of a killed writer, and says so', () => {
    const leftover = join(root, `.out.tmp-${DEAD_PID}`);
    mkdirSync(leftover);
    writeFileSync(join(leftover, 'partial.csv'), 'x');
    const notes: string[] = [];
    writeResultDir(join(root, 'out'), files, { ...options, onNote: (note) => notes.push(note) });
    expect(readdirSync(root)).toEqual(['out']);
    expect(notes).toEqual([leftoverRemoved(leftover)]);
  });

  it('puts back earlier results left aside by a kill between the two renames of a replacement, then replaces them', () => {
    const dir = join(root, 'out');
    const aside = join(root, `.out.old-${DEAD_PID}`);
    mkdirSync(aside);
    writeFileSync(join(aside, 'manifest.json'), JSON.stringify(other));
    const notes: string[] = [];
    expect(() => writeResultDir(dir, files, { ...options, onNote: (note) => notes.push(note) })).toThrow(
      resultDirHoldsOther(dir, 'results of partnersim run made from other inputs'),
    );
    expect(notes).toEqual([leftoverRestored(dir, aside)]);
    expect(readdirSync(root)).toEqual(['out']);
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).scenarioHash).toBe('def');
  });

  it('leaves alone what a running writer is writing', () => {
    mkdirSync(join(root, `.out.tmp-${process.ppid}`));
    writeResultDir(join(root, 'out'), files, options);
    expect(readdirSync(root).sort()).toEqual([`.out.tmp-${process.ppid}`, 'out']);
  });
});

describe('a resumable write', () => {
  const inputs = { ...identity, network: null };
  const dir = () => join(root, 'out');

  it('kept by an interrupted writer, is taken over by the next writer of the same inputs, and published without its .unfinished', () => {
    const first = openResultDir(dir(), { ...options, resume: inputs });
    expect(first.resumedFrom).toBeNull();
    writeFileSync(join(first.path, 'timeseries.csv'), 'kept\n');
    writeFileSync(join(first.path, UNFINISHED_DIR, 'journal.jsonl'), '{}\n');
    first.keep();
    first.abort();
    expect(readdirSync(root)).toEqual([`.out.tmp-${process.pid}`]);

    const second = openResultDir(dir(), { ...options, resume: inputs });
    expect(second.resumedFrom).toBe(first.path);
    expect(readFileSync(join(second.path, 'timeseries.csv'), 'utf8')).toBe('kept\n');
    writeFileSync(join(second.path, 'manifest.json'), files['manifest.json']);
    second.publish();
    expect(readdirSync(root)).toEqual(['out']);
    expect(readdirSync(dir()).sort()).toEqual(['manifest.json', 'timeseries.csv']);
  });

  it('left by a killed writer is taken over, the newest when there are several', () => {
    for (const [pid, text] of [
      [DEAD_PID, 'older'],
      [DEAD_PID + 1, 'newer'],
    ] as const) {
      const leftover = join(root, `.out.tmp-${pid}`);
      mkdirSync(join(leftover, UNFINISHED_DIR), { recursive: true });
      writeFileSync(join(leftover, 'timeseries.csv'), text);
      writeFileSync(join(leftover, UNFINISHED_DIR, 'inputs.json'), JSON.stringify(inputs));
      execFileSync('touch', ['-d', text === 'older' ? '2026-01-01' : '2026-01-02', join(leftover, UNFINISHED_DIR, 'inputs.json')]);
    }
    const notes: string[] = [];
    const pending = openResultDir(dir(), { ...options, resume: inputs, onNote: (note) => notes.push(note) });
    expect(pending.resumedFrom).toBe(join(root, `.out.tmp-${DEAD_PID + 1}`));
    expect(readFileSync(join(pending.path, 'timeseries.csv'), 'utf8')).toBe('newer');
    expect(notes).toEqual([leftoverRemoved(join(root, `.out.tmp-${DEAD_PID}`))]);
    pending.abort();
    expect(readdirSync(root)).toEqual([]);
  });

  it('of other inputs, or by a writer that is not resumable, is removed, and the write starts afresh', () => {
    const leftover = join(root, `.out.tmp-${DEAD_PID}`);
    mkdirSync(join(leftover, UNFINISHED_DIR), { recursive: true });
    writeFileSync(join(leftover, UNFINISHED_DIR, 'inputs.json'), JSON.stringify({ ...inputs, reps: 2 }));
    const notes: string[] = [];
    const pending = openResultDir(dir(), { ...options, resume: inputs, onNote: (note) => notes.push(note) });
    expect(pending.resumedFrom).toBeNull();
    expect(notes).toEqual([leftoverRemoved(leftover)]);
    expect(readdirSync(pending.path)).toEqual([UNFINISHED_DIR]);
    expect(JSON.parse(readFileSync(join(pending.path, UNFINISHED_DIR, 'inputs.json'), 'utf8'))).toEqual(inputs);
    pending.keep();
    // A writer that cannot resume removes what a resumable one left.
    writeResultDir(dir(), files, { ...options, onNote: (note) => notes.push(note) });
    expect(notes).toEqual([leftoverRemoved(leftover), leftoverRemoved(pending.path)]);
    expect(readdirSync(root)).toEqual(['out']);
  });
});

describe('defaultResultDir', () => {
  it('is results/<name>, relative to the working directory', () => {
    expect(defaultResultDir('baseline')).toBe(join('results', 'baseline'));
  });

  it('names a run with overrides after them, so that it never lands on the plain scenario’s results', () => {
    expect(defaultResultDir('baseline', ['policy.carrot=0.6', 'time.seed=7'])).toBe(
      join('results', 'baseline+policy.carrot=0.6+time.seed=7'),
    );
    expect(defaultResultDir('baseline', ['areas=a/b c'])).toBe(join('results', 'baseline+areas=a-b-c'));
  });

  it('refuses a name that would leave results/ or hide, and makes other names safe', () => {
    for (const name of ['../../escape', 'a/b', 'a\\b', '..', '.hidden', '']) {
      try {
        defaultResultDir(name);
        expect.unreachable(name);
      } catch (error) {
        expect(isPartnersimError(error) && error.code).toBe('unsafe-name');
      }
    }
    expect(() => resultName('../../escape')).toThrow(unsafeResultName('../../escape', 'escape'));
    expect(resultName('Fund <then> officers?\u001b[2J')).toBe('Fund-then-officers-[2J');
  });
});
