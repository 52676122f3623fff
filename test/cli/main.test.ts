// main(): one error path. commander's own errors, the system's refusals (a missing directory, a directory where a file
// is to go, a port out of range) and every message alike come out as one `partnersim:` line with a fix and exit 2, and
// nothing a command prints can carry a control character to the terminal.
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as message from '../../src/cli/messages.ts';
import { outputNotAFile, outputUnwritable } from '../../src/results/messages.ts';
import { runCli, tinyScenario, useTempDir } from './fixtures.ts';

const tmp = useTempDir('main', {
  'tiny.yaml': tinyScenario(),
  'bomb.yaml': `a: &a [x, x, x, x, x, x, x, x, x]\n${['b', 'c', 'd', 'e', 'f', 'g'].map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]`).join('\n')}\n`,
  'deep.json': `{"x":${'['.repeat(1000)}${']'.repeat(1000)}}`,
  'a-file.txt': 'not a directory\n',
  'a-dir/empty.txt': '',
  'escape.yaml': tinyScenario().replace('name: tiny', 'name: "tiny\\e]0;owned\\atitle\\e[2J"'),
});

// One line, starting partnersim:, with a fix.
function expectOneLine(err: string): void {
  expect(err).toMatch(/^partnersim: [^\n]+ Fix: [^\n]+\n$/);
}

describe("commander's own errors", () => {
  it('an unknown option is one line with the suggestion as the fix', async () => {
    const result = await runCli(['run', tmp.path('tiny.yaml'), '--rep', '3']);
    expect(result.code).toBe(2);
    expectOneLine(result.err);
    expect(result.err).toBe(
      `${message.errorLine("unknown option '--rep'; did you mean --reps? Fix: use --reps instead (partnersim run --help lists them).")}\n`,
    );
  });

  it('a value not among the choices, a missing argument, a missing option value and an unknown command likewise', async () => {
    for (const args of [
      ['sweep', 'x.yaml', '--format', 'xml'],
      ['run'],
      ['run', tmp.path('tiny.yaml'), '--reps'],
      ['classroom'],
      ['bogus'],
      ['run', 'a.yaml', 'b.yaml'],
    ]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.out).toBe('');
      expectOneLine(result.err);
    }
    expect((await runCli(['sweep', 'x.yaml', '--format', 'xml'])).err).toContain(
      "argument 'xml' is invalid. Fix: use one of csv, parquet, jsonl.",
    );
    expect((await runCli(['bogus'])).err).toContain('Fix: partnersim --help lists the commands.');
    expect((await runCli(['run'])).err).toContain("missing required argument 'scenario'. Fix: partnersim run --help");
    // A subcommand's fix names the subcommand's help.
    expect((await runCli(['emit', 'slurm', 'x.yaml'])).err).toContain(
      "required option '--shards <n>' not specified. Fix: partnersim emit slurm --help",
    );
  });

  it('an empty option value or argument is refused, naming it, before the command runs', async () => {
    const emptyOut = await runCli(['run', tmp.path('tiny.yaml'), '--out', '']);
    expect(emptyOut).toEqual({ code: 2, out: '', err: `${message.errorLine(message.emptyOptionValue('--out', 'run'))}\n` });
    const emptyNode = await runCli(['emit', 'slurm', 'x.yaml', '--shards', '2', '--node', '']);
    expect(emptyNode.err).toBe(`${message.errorLine(message.emptyOptionValue('--node', 'emit slurm'))}\n`);
    const emptyScenario = await runCli(['compare', tmp.path('tiny.yaml'), '']);
    expect(emptyScenario).toEqual({ code: 2, out: '', err: `${message.errorLine(message.emptyArgument('scenarios', 'compare'))}\n` });
  });

  it('help and --version still exit 0', async () => {
    expect((await runCli(['--help'])).code).toBe(0);
    expect((await runCli(['--version'])).code).toBe(0);
  });
});

describe("the system's refusals", () => {
  it('classroom --export into a missing directory or onto a directory names the file and why', async () => {
    const missing = tmp.path('no/such/dir/page.html');
    const result = await runCli(['classroom', '--export', missing]);
    expect(result).toEqual({
      code: 2,
      out: '',
      err: `${message.errorLine(outputUnwritable(missing, 'no such file or directory'))}\n`,
    });
    mkdirSync(tmp.path('a-directory'), { recursive: true });
    const onDirectory = await runCli(['classroom', '--export', tmp.path('a-directory')]);
    expect(onDirectory.code).toBe(2);
    expectOneLine(onDirectory.err);
    expect(onDirectory.err).toBe(`${message.errorLine(outputNotAFile(tmp.path('a-directory'), 'directory'))}\n`);
  });

  it('an error with an errno code that reaches main is one line naming the path, not a stack trace', () => {
    const error = Object.assign(new Error('EROFS: read-only file system, open /mnt/x'), { code: 'EROFS', path: '/mnt/x', syscall: 'open' });
    expect(message.systemErrorLine(error)).toBe(
      '/mnt/x: cannot open: the file system is read-only. Fix: write somewhere writable (--out), or change the permissions.',
    );
    const full = Object.assign(new Error('ENOSPC'), { code: 'ENOSPC', path: '/d/journal.jsonl', syscall: 'write' });
    expect(message.systemErrorLine(full)).toContain('no space left on the device. Fix: free some space');
    expect(message.systemErrorLine(new TypeError('a bug'))).toBeUndefined();
    // A port the user may not listen on (serve --port 1, not as the administrator) is about the port, not a file.
    const denied = Object.assign(new Error('listen EACCES: permission denied 127.0.0.1:1'), { code: 'EACCES', syscall: 'listen', port: 1 });
    expect(message.systemErrorLine(denied)).toBe(message.portDenied(1));
  });

  it('serve --port out of range is refused before listening', async () => {
    for (const port of ['70000', '65536', 'http']) {
      const result = await runCli(['serve', '--port', port]);
      expect(result).toEqual({ code: 2, out: '', err: `${message.errorLine(message.badPort(port))}\n` });
    }
  });
});

describe('every command, given what it cannot use', () => {
  it('answers each with one partnersim: line and a fix, never a stack trace', async () => {
    const files = ['missing.yaml', 'a-dir', 'bomb.yaml', 'deep.json'].map((name) => tmp.path(name));
    writeFileSync(tmp.path('latin1.yaml'), Buffer.from('name: caf\xe9\n', 'latin1'));
    files.push(tmp.path('latin1.yaml'));
    const dirs = [tmp.path('missing-dir'), tmp.path('a-file.txt'), tmp.path('a-dir')];
    const cases: string[][] = [
      ...files.flatMap((file) => [
        ['run', file, '--out', tmp.path('out-run')],
        ['compare', file, tmp.path('tiny.yaml'), '--out', tmp.path('out-compare')],
        ['validate', file],
        ['sweep', file, '--out', tmp.path('out-sweep')],
        ['calibrate', file, '--out', tmp.path('out-calibrate')],
        ['emit', 'slurm', file, '--shards', '2', '--out', tmp.path('out-emit')],
        ['classroom', '--export', tmp.path('page.html'), file],
      ]),
      ...dirs.flatMap((dir) => [
        ['report', dir],
        ['merge', dir, '--out', tmp.path('out-merge')],
        ['analyse', dir, '--out', tmp.path('out-analyse')],
        ['sweep', 'status', dir],
      ]),
      ['classroom', '--export', tmp.path('a-dir')],
      ['serve', '--port', '99999'],
    ];
    for (const args of cases) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.err, args.join(' ')).toMatch(/^partnersim: [^\n]+ Fix: [^\n]+\n$/);
      expect(result.err, args.join(' ')).not.toMatch(/\n\s+at /);
    }
  });
});

describe('control characters', () => {
  it('are escaped in what a command prints, so a name cannot act on the terminal', async () => {
    const result = await runCli(['validate', tmp.path('escape.yaml')]);
    expect(result.code).toBe(0);
    expect(result.out).toBe(message.printable(result.out));
    expect(result.out).not.toContain('\u001b');
    expect(result.out).toContain('tiny\\u001b]0;owned\\u0007title\\u001b[2J');
  });

  it('printable keeps tabs and new lines and escapes the rest, C1 and bidirectional overrides included', () => {
    expect(message.printable('a\tb\nc\rd\u0000e\u009bf\u202eg')).toBe('a\tb\nc\\u000dd\\u0000e\\u009bf\\u202eg');
  });
});
