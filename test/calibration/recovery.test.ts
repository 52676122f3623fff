// Recovery on partnersim itself: bench/recovery.ts calibrates data simulated from known parameter values back, ten
// times; its committed result (bench/results/recovery.json, too slow to make in the suite) has the known values inside
// the 90% credible intervals in at least 8 of 10 trials, was made with the study as the script now defines it, and its
// first trial is re-run here to the same numbers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { noise, RECOVERY, recoveryTrial, type RecoveryTrial } from '../../bench/recovery.ts';

const committed = JSON.parse(readFileSync(new URL('../../bench/results/recovery.json', import.meta.url), 'utf8')) as {
  settings: typeof RECOVERY;
  sds: number[];
  trials: RecoveryTrial[];
  covered: number;
};

describe('recovery of known parameter values (bench/results/recovery.json)', { timeout: 120_000 }, () => {
  it('covers the known values in at least 8 of 10 trials, with the study the script defines', () => {
    expect(committed.settings).toEqual(JSON.parse(JSON.stringify(RECOVERY)));
    expect(committed.trials).toHaveLength(10);
    expect(committed.covered).toBe(committed.trials.filter((t) => t.covered).length);
    expect(committed.covered).toBeGreaterThanOrEqual(8);
    for (const trial of committed.trials)
      expect(trial.covered).toBe(
        trial.ci90.every(([low, high], k) => low <= RECOVERY.parameters[k].truth && RECOVERY.parameters[k].truth <= high),
      );
  });

  it('re-runs its first trial to the committed numbers', async () => {
    const sds = noise();
    expect(sds).toEqual(committed.sds);
    expect(JSON.parse(JSON.stringify(await recoveryTrial(0, sds)))).toEqual(committed.trials[0]);
  });
});
