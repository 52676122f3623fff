// Each statistic a calibration target can name has words of its own in the report and on the command line: the
// trust statistics and every time-series field, not only the partnership ones.
import { describe, expect, it } from 'vitest';
import { STATISTIC_NAMES } from '../../src/calibration/statistics.ts';
import { statisticLabel } from '../../src/report/calibration-words.ts';
import { LEVEL_NAMES } from '../../src/model/vocabulary.ts';

describe('statisticLabel', () => {
  it('words the trust statistics, with their size, window and area', () => {
    expect(statisticLabel({ statistic: 'schoolsInTrusts' })).toBe('share of schools in multi-academy trusts');
    expect(statisticLabel({ statistic: 'schoolsInTrusts', area: 'Northfield' })).toBe(
      'share of schools in multi-academy trusts in Northfield',
    );
    expect(statisticLabel({ statistic: 'trustSize', size: { min: 2, max: 5 } })).toBe('share of trusts with 2 to 5 schools');
    expect(statisticLabel({ statistic: 'trustSize', size: { min: 21, max: null }, area: 'Southgate' })).toBe(
      'share of trusts with 21 or more schools in Southgate',
    );
    expect(statisticLabel({ statistic: 'trustJoins', steps: { from: 1, to: 12 } })).toBe('schools joining trusts over steps 1 to 12');
    expect(statisticLabel({ statistic: 'meanTrustSize', steps: { from: 60, to: 60 } })).toBe('mean schools per trust at step 60');
    expect(statisticLabel({ statistic: 'partnershipSize', size: { min: 3, max: 3 } })).toBe('share of partnerships with 3 members');
  });

  it('calls only the continuum levels partnerships at a level', () => {
    for (const statistic of STATISTIC_NAMES) {
      const label = statisticLabel({ statistic, steps: { from: 1, to: 1 }, age: 1, size: { min: 1, max: null } });
      expect(label.startsWith('partnerships at level'), statistic).toBe((LEVEL_NAMES as readonly string[]).includes(statistic));
    }
  });
});
