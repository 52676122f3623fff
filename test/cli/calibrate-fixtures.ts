// Shared set-up for the calibrate command's tests: a small calibration of the tiny scenario, and the failing runner.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The text of a calibration of tiny.yaml: two levers, two targets, few particles and generations. */
export function tinyCalibration({
  particles = 8,
  generations = 2,
  extra = '',
}: {
  particles?: number;
  generations?: number;
  extra?: string;
} = {}): string {
  return `name: tiny-cal
scenario: tiny.yaml
parameters:
  market.competition: {prior: uniform, min: 0, max: 1}
  leaders.experience: {prior: truncatedNormal, mean: 0.5, sd: 0.3, min: 0, max: 1}
targets:
  - {statistic: partnershipsFormed, observed: 6, sd: 3, source: assumption for a test}
  - {statistic: meanTrustAtEnd, observed: 0.4, interval: [0.3, 0.6], source: assumption for a test}
method: {particles: ${particles}, generations: ${generations}, predictive: 4}
seed: 3
${extra}`;
}

/** The URL of the calibration runner whose runs throw when their seed is a multiple of 3. */
export const FAILING_CALIBRATION_RUNNER = pathToFileURL(
  join(import.meta.dirname, '..', 'calibration', 'fixtures', 'failing-runner.ts'),
).href;
