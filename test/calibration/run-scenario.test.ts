// A calibration runs many rounds on one executor and one signal (Ctrl-C's): each round lets go of the signal as it
// ends, so a long calibration neither piles up listeners on it nor prints Node's MaxListenersExceededWarning.
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { loadCalibration } from '../../src/calibration/load.ts';
import { calibrateScenario } from '../../src/calibration/run-scenario.ts';
import { nodeHost } from '../../src/cli/node-host.ts';
import { tinyCalibration } from '../cli/calibrate-fixtures.ts';
import { tinyScenario, useTempDir } from '../cli/fixtures.ts';

const tmp = useTempDir('run-scenario', {
  'tiny.yaml': `${tinyScenario({ steps: 12 })}model:\n  init: {burnInYears: 1}\n`,
  'cal.yaml': tinyCalibration({ particles: 4, generations: 12 }),
});

describe('calibrateScenario', { timeout: 300_000 }, () => {
  it('leaves no listener on its signal after more than ten rounds, and no warning', async () => {
    const controller = new AbortController();
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning);
    process.on('warning', onWarning);
    try {
      let rounds = 0;
      const outcome = await calibrateScenario(loadCalibration(tmp.path('cal.yaml'), nodeHost), {
        workers: 1,
        signal: controller.signal,
        onRecord: () => {
          expect(getEventListeners(controller.signal, 'abort').length).toBeLessThanOrEqual(1);
        },
        onRound: () => {
          rounds++;
        },
      });
      expect(outcome.status).toBe('complete');
      expect(rounds).toBeGreaterThan(10);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});
