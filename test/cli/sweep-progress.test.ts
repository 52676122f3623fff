// Progress of a sweep: a plain line each tenth of the way off a terminal (runs kept from before are not news), a
// bar with runs, rate and time left on one, nothing when quiet; all through io.err.
import { describe, expect, it } from 'vitest';
import { createSweepProgress } from '../../src/cli/progress.ts';
import { formatDuration, sweepProgressLine } from '../../src/cli/messages.ts';

const capture = () => {
  const err: string[] = [];
  return { io: { out: () => {}, err: (text: string) => void err.push(text) }, err };
};

// A clock that moves one second per run.
const clock = () => {
  let t = 0;
  return { now: () => t, tick: () => (t += 1000) };
};

describe('createSweepProgress', () => {
  it('prints a plain line at each tenth of the way with the rate and time left', () => {
    const { io, err } = capture();
    const time = clock();
    const progress = createSweepProgress(io, { terminal: false, quiet: false, now: time.now });
    progress.update(0, 20);
    for (let finished = 1; finished <= 20; finished++) {
      time.tick();
      progress.update(finished, 20);
    }
    progress.stop();
    const lines = err.join('').trim().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe(sweepProgressLine(1, 20, 1, 19));
    expect(lines[1]).toBe(sweepProgressLine(2, 20, 1, 18));
    expect(lines[10]).toBe('sweep: 20/20 runs (100%), 1.0 runs/s');
  });

  it('counts the rate from the runs of this attempt only, and says nothing of runs kept from before', () => {
    const { io, err } = capture();
    const time = clock();
    const progress = createSweepProgress(io, { terminal: false, quiet: false, now: time.now });
    progress.update(50, 100);
    time.tick();
    time.tick();
    progress.update(51, 100);
    expect(err.join('')).toBe(sweepProgressLine(51, 100, 0.5, 98) + '\n');
  });

  it('prints nothing when every run was kept from before, or when quiet', () => {
    const first = capture();
    createSweepProgress(first.io, { terminal: false, quiet: false }).update(6, 6);
    expect(first.err).toEqual([]);
    const quiet = capture();
    const progress = createSweepProgress(quiet.io, { terminal: true, quiet: true });
    progress.update(0, 6);
    progress.update(1, 6);
    progress.stop();
    expect(quiet.err).toEqual([]);
  });

  it('draws a bar with runs, rate and time left on a terminal, and clears it when stopped', () => {
    const { io, err } = capture();
    const time = clock();
    const progress = createSweepProgress(io, { terminal: true, quiet: false, columns: 100, now: time.now });
    progress.update(0, 8);
    time.tick();
    progress.update(2, 8);
    progress.stop();
    const drawn = err.join('');
    expect(drawn).toContain('sweep');
    expect(drawn).toContain('/8 runs');
    expect(drawn).toContain('runs/s');
    expect(drawn.endsWith('\u001b[2K')).toBe(true);
  });

  it('says durations as a person reads them', () => {
    expect([formatDuration(45), formatDuration(600), formatDuration(3 * 3600 + 1800)]).toEqual(['45 s', '10 min', '3.5 h']);
  });
});
