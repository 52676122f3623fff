// Progress of replicates: plain lines off a terminal, a bar on one, nothing when quiet; all through io.err.
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.ts';
import { replicateDone } from '../../src/cli/messages.ts';

const capture = () => {
  const err: string[] = [];
  return { io: { out: () => {}, err: (text: string) => void err.push(text) }, err };
};

describe('createProgress', () => {
  it('prints one plain line per replicate when stderr is not a terminal', () => {
    const { io, err } = capture();
    const progress = createProgress(io, 2, { terminal: false, quiet: false });
    progress.done(11);
    progress.done(22);
    progress.stop();
    expect(err.join('')).toBe(`${replicateDone(1, 2, 11)}\n${replicateDone(2, 2, 22)}\n`);
  });

  it('prints nothing when quiet', () => {
    const { io, err } = capture();
    const progress = createProgress(io, 2, { terminal: true, quiet: true });
    progress.done(11);
    progress.stop();
    expect(err).toEqual([]);
  });

  it('draws a bar on a terminal and clears it when stopped', () => {
    const { io, err } = capture();
    const progress = createProgress(io, 3, { terminal: true, quiet: false, columns: 80 });
    progress.done(11);
    progress.stop();
    const drawn = err.join('');
    expect(drawn).toContain('runs');
    expect(drawn).toContain('/3');
    expect(drawn.endsWith('\u001b[2K')).toBe(true);
  });
});
