// Necessity and sufficiency for trusts, in the style of patterns.test.ts: over replicates of the baseline, schools join
// multi-academy trusts and trusts grow under the baseline's fragmentation (sufficiency); with governance.fragmentation
// set to 0, none do (necessity: the lever acts through the joining decision, and nothing else makes a trust grow).
import { describe, expect, it, vi } from 'vitest';
import { nodeHost } from '../../src/cli/node-host.ts';
import { runReplicates } from '../../src/engine/run.ts';
import type { RunResult } from '../../src/engine/types.ts';
import { loadScenario } from '../../src/scenario/load.ts';

const REPS = 6;
vi.setConfig({ testTimeout: 240_000 });

const replicates = (set: string[]): RunResult[] => runReplicates(loadScenario('scenarios/baseline.yaml', nodeHost, { set }), REPS);
const meanAt = (rs: RunResult[], step: number, field: 'inTrusts' | 'meanTrustSize' | 'trusts') =>
  rs.reduce((s, r) => s + r.timeseries[step - 1][field], 0) / rs.length;

describe('trusts grow under fragmentation and not without it', () => {
  it('grow in every replicate of the baseline: more schools in trusts, more and larger trusts, year on year', () => {
    const rs = replicates([]);
    const last = rs[0].steps;
    for (const r of rs) expect(r.metrics.inTrustsAtEnd).toBeGreaterThan(r.timeseries[11].inTrusts);
    expect(meanAt(rs, last, 'inTrusts')).toBeGreaterThan(meanAt(rs, 60, 'inTrusts'));
    expect(meanAt(rs, 60, 'inTrusts')).toBeGreaterThan(meanAt(rs, 12, 'inTrusts'));
    expect(meanAt(rs, last, 'meanTrustSize')).toBeGreaterThan(meanAt(rs, 12, 'meanTrustSize'));
    expect(meanAt(rs, last, 'trusts')).toBeGreaterThanOrEqual(meanAt(rs, 12, 'trusts'));
    expect(rs.every((r) => r.trustJoins.length > 0)).toBe(true);
  });

  it('do not grow without fragmentation: no school joins a trust in any replicate', () => {
    const rs = replicates(['governance.fragmentation=0']);
    for (const r of rs) {
      expect(r.trustJoins).toEqual([]);
      expect(r.timeseries.every((row) => row.inTrusts === 0 && row.trusts === 0)).toBe(true);
    }
  });
});
