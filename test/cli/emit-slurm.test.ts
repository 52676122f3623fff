// partnersim emit slurm: the sbatch script runs each shard as an array task (N baked in, a throttle) and chains the
// merge with --dependency=afterok; it is valid bash and makes the log directory SLURM will write to.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as message from '../../src/cli/messages.ts';
import * as slurmMessage from '../../src/sweep/messages.ts';
import { shellQuote } from '../../src/sweep/slurm.ts';
import { runCli, tinyScenario, useTempDir } from './fixtures.ts';
import { tinySweep } from './sweep-fixtures.ts';

const tmp = useTempDir('emit-slurm', {
  'tiny.yaml': tinyScenario({ steps: 6 }),
  'sweep.yaml': tinySweep({ replicates: 1 }),
  'larger.yaml': tinySweep({ replicates: 10 }),
});

describe('partnersim emit slurm', () => {
  it('writes an executable job-array script with the shards, throttle, CPUs, merge and log directory', async () => {
    const out = tmp.path('results/tiny');
    const result = await runCli([
      'emit',
      'slurm',
      tmp.path('sweep.yaml'),
      '--shards',
      '3',
      '--throttle',
      '2',
      '--cpus',
      '2',
      '--time',
      '00:10:00',
      '--partition',
      'short',
      '--out',
      out,
    ]);
    const script = `${out}.parts/tiny-sweep.sbatch`;
    expect(result).toEqual({ code: 0, out: message.slurmScriptWritten(script, 3) + '\n', err: '' });
    const text = readFileSync(script, 'utf8');
    expect(statSync(script).mode & 0o111).not.toBe(0);
    expect(existsSync(`${out}.parts/logs`)).toBe(true);
    expect(text.startsWith('#!/bin/bash\n')).toBe(true);
    for (const line of [
      '#SBATCH --array=0-2%2',
      '#SBATCH --cpus-per-task=2',
      '#SBATCH --time=00:10:00',
      '#SBATCH --partition=short',
      `#SBATCH --output=${out}.parts/logs/shard-%a.out`,
    ]) {
      expect(text.split('\n')).toContain(line);
    }
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell variable, expanded by the job's shell
    expect(text).toContain('--dependency="afterok:${SLURM_ARRAY_JOB_ID}" --kill-on-invalid-dep=yes');
    expect(text).toContain(`merge ${out}.parts/shard-* --out ${out}`);
    expect(text).toContain(`sweep ${tmp.path('sweep.yaml')} --shard auto/3 --workers "\${SLURM_CPUS_PER_TASK:-1}" --format csv`);
    expect(text.split('\n')).toContain(`#SBATCH --chdir=${process.cwd()}`);
    expect(text).not.toContain(process.execPath);
    expect(text).toMatch(/^node \S+\/bin\/partnersim\.js sweep /m);
    expect(text).toContain('module load');
    expect(spawnSync('bash', ['-n', script]).status).toBe(0);
  });

  it('runs the node given with --node, and says so', async () => {
    const out = tmp.path('results/noded');
    expect(
      (await runCli(['emit', 'slurm', tmp.path('sweep.yaml'), '--shards', '2', '--out', out, '--node', '/opt/node 20/bin/node'])).code,
    ).toBe(0);
    const text = readFileSync(`${out}.parts/tiny-sweep.sbatch`, 'utf8');
    expect(text).toMatch(/^'\/opt\/node 20\/bin\/node' \S+\/bin\/partnersim\.js sweep /m);
    expect(text).toContain('# It runs Node.js from /opt/node 20/bin/node (chosen with --node)');
  });

  it('refuses options that would add a line to the script, or that sbatch would not take, writing nothing', async () => {
    const cases: [string[], string][] = [
      [['--partition', 'a\ntouch pwned #'], slurmMessage.slurmBadPartition('a\ntouch pwned #')],
      [['--partition', 'short;id'], slurmMessage.slurmBadPartition('short;id')],
      [['--time', '1; rm -rf /'], slurmMessage.slurmBadTime('1; rm -rf /')],
      [['--node', 'node\nid'], slurmMessage.slurmUnsafeText('--node', 'node\nid')],
      [['--out', tmp.path('bad\nid')], slurmMessage.slurmUnsafeText('--out', tmp.path('bad\nid'))],
    ];
    for (const [options, expected] of cases) {
      const result = await runCli(['emit', 'slurm', tmp.path('sweep.yaml'), '--shards', '2', '--out', tmp.path('refused'), ...options]);
      expect(result.code, options.join(' ')).toBe(2);
      expect(result.err).toBe(`${message.errorLine(message.printable(expected))}\n`);
    }
    expect(existsSync(tmp.path('refused.parts'))).toBe(false);
    for (const time of ['30', '30:00', '02:00:00', '1-12', '1-12:30', '2-00:00:00', 'UNLIMITED'])
      expect(
        (await runCli(['emit', 'slurm', tmp.path('sweep.yaml'), '--shards', '2', '--out', tmp.path('timed'), '--time', time])).code,
        time,
      ).toBe(0);
  });

  it('quotes a path that the shell would expand in the commands its comments give to copy, as in the commands it runs', async () => {
    const out = tmp.path('odd$(touch pwned)');
    expect((await runCli(['emit', 'slurm', tmp.path('sweep.yaml'), '--shards', '2', '--out', out])).code).toBe(0);
    const text = readFileSync(`${out}.parts/tiny-sweep.sbatch`, 'utf8');
    expect(text).toContain(`#   partnersim sweep status '${out}.parts'/shard-*`);
  });

  it('throttles to 16 shards at a time by default, and to the number of shards when fewer', async () => {
    await runCli(['emit', 'slurm', tmp.path('larger.yaml'), '--shards', '40', '--out', tmp.path('many')]);
    expect(readFileSync(tmp.path('many.parts/tiny-sweep.sbatch'), 'utf8')).toContain('#SBATCH --array=0-39%16\n');
    await runCli(['emit', 'slurm', tmp.path('sweep.yaml'), '--shards', '3', '--out', tmp.path('few'), '--script', tmp.path('few.sh')]);
    expect(readFileSync(tmp.path('few.sh'), 'utf8')).toContain('#SBATCH --array=0-2%3\n');
  });

  it('refuses a missing or bad --shards', async () => {
    expect((await runCli(['emit', 'slurm', tmp.path('sweep.yaml')])).code).toBe(2);
    const bad = await runCli(['emit', 'slurm', tmp.path('sweep.yaml'), '--shards', '0']);
    expect(bad).toEqual({ code: 2, out: '', err: message.errorLine(message.notPositiveInteger('--shards', '0')) + '\n' });
    // The sweep has 6 runs: a seventh shard would run nothing.
    const beyond = await runCli(['emit', 'slurm', tmp.path('sweep.yaml'), '--shards', '7', '--out', tmp.path('beyond')]);
    expect(beyond).toEqual({ code: 2, out: '', err: `${message.errorLine(message.moreShardsThanRuns(7, 6, tmp.path('sweep.yaml')))}\n` });
    expect(existsSync(tmp.path('beyond.parts'))).toBe(false);
  });

  it('quotes paths for bash', () => {
    expect(shellQuote('results/a-b_c.parts')).toBe('results/a-b_c.parts');
    expect(shellQuote("my sweeps/it's.yaml")).toBe(`'my sweeps/it'\\''s.yaml'`);
    expect(spawnSync('bash', ['-c', `printf %s ${shellQuote("a b'c$d")}`]).stdout.toString()).toBe("a b'c$d");
  });
});
