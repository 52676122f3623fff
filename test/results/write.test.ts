// Writing a result directory: atomic replacement of earlier results, refusals, and no leftovers on failure.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkResultDir, defaultResultDir, writeResultDir } from '../../src/results/write.ts';
import { resultDirOccupied, resultDirUnwritable, writeFailureReason } from '../../src/results/messages.ts';
import { useTempDir } from '../cli/fixtures.ts';

const root = useTempDir('output', {}, 'test').root;

const files = { 'manifest.json': '{}\n', 'summary.json': '{"a":1}\n' };

describe('writeResultDir', () => {
  it('creates the directory and its parents, leaving no temporary sibling', () => {
    const dir = join(root, 'results', 'baseline');
    writeResultDir(dir, files);
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'summary.json']);
    expect(readdirSync(join(root, 'results'))).toEqual(['baseline']);
  });

  it('replaces earlier results entirely', () => {
    const dir = join(root, 'out');
    writeResultDir(dir, { ...files, 'events.jsonl': 'old\n' });
    writeResultDir(dir, { 'manifest.json': '{"new":true}\n' });
    expect(readdirSync(dir)).toEqual(['manifest.json']);
    expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe('{"new":true}\n');
    expect(readdirSync(root)).toEqual(['out']);
  });

  it('fills an empty directory', () => {
    const dir = join(root, 'empty');
    mkdirSync(dir);
    writeResultDir(dir, files);
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'summary.json']);
  });

  it('clears leftovers of a run killed mid-write with the same pid', () => {
    mkdirSync(join(root, `.out.tmp-${process.pid}`));
    writeFileSync(join(root, `.out.tmp-${process.pid}`, 'partial.csv'), 'x');
    writeResultDir(join(root, 'out'), files);
    expect(readdirSync(root)).toEqual(['out']);
  });

  it('refuses to replace a directory of other files, and leaves it untouched', () => {
    const dir = join(root, 'mine');
    mkdirSync(dir);
    writeFileSync(join(dir, 'thesis.tex'), 'precious');
    expect(() => writeResultDir(dir, files)).toThrow(resultDirOccupied(dir, 'files that are not partnersim results'));
    expect(readdirSync(dir)).toEqual(['thesis.tex']);
    expect(readdirSync(root)).toEqual(['mine']);
  });

  it('refuses to replace a regular file', () => {
    writeFileSync(join(root, 'notes'), 'precious');
    expect(() => writeResultDir(join(root, 'notes'), files)).toThrow(resultDirOccupied(join(root, 'notes'), 'a file'));
    expect(readFileSync(join(root, 'notes'), 'utf8')).toBe('precious');
  });

  it('reports a path under a regular file as unwritable, with the reason and the fix', () => {
    writeFileSync(join(root, 'file'), '');
    const dir = join(root, 'file', 'results', 'x');
    expect(() => writeResultDir(dir, files)).toThrow(resultDirUnwritable(dir, writeFailureReason('ENOTDIR', '')));
    expect(readdirSync(root)).toEqual(['file']);
  });

  it('removes its temporary directory when a file cannot be written', () => {
    const dir = join(root, 'out');
    // `a` is written as a file, so `a/b.csv` cannot be.
    expect(() => writeResultDir(dir, { a: 'x', 'a/b.csv': 'y' })).toThrow(/cannot write results/);
    expect(readdirSync(root)).toEqual([]);
  });
});

describe('checkResultDir', () => {
  it('accepts a new directory, creating only its parent', () => {
    checkResultDir(join(root, 'results', 'baseline'));
    expect(readdirSync(root)).toEqual(['results']);
    expect(readdirSync(join(root, 'results'))).toEqual([]);
  });

  it('rejects what writeResultDir would reject, before any run', () => {
    writeFileSync(join(root, 'file'), '');
    expect(() => checkResultDir(join(root, 'file', 'x'))).toThrow(
      resultDirUnwritable(join(root, 'file', 'x'), writeFailureReason('ENOTDIR', '')),
    );
    expect(() => checkResultDir(join(root, 'file'))).toThrow(resultDirOccupied(join(root, 'file'), 'a file'));
    expect(readdirSync(root)).toEqual(['file']);
  });
});

describe('defaultResultDir', () => {
  it('is results/<scenario name>, relative to the working directory', () => {
    expect(defaultResultDir('baseline')).toBe(join('results', 'baseline'));
  });
});
