// sweeps/params-morris.yaml screens exactly what the model reads: every lever over [0, 1] and every model parameter
// over its plausible range, in the tables' order (regenerate it with `npx tsx scripts/params-morris.ts`).
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/cli/node-host.ts';
import { LEVER_KEYS } from '../../src/scenario/levers.ts';
import { PARAMETERS } from '../../src/scenario/parameters/index.ts';
import { loadSweep } from '../../src/sweep/load.ts';

describe('sweeps/params-morris.yaml', () => {
  it('varies every lever and every parameter over its range, with a Morris design', () => {
    const { sweep } = loadSweep('sweeps/params-morris.yaml', nodeHost);
    expect(sweep.design.kind).toBe('morris');
    expect(sweep.parameters.map((p) => (p.kind === 'range' ? [p.key, p.from, p.to] : [p.key]))).toEqual([
      ...LEVER_KEYS.map((key) => [key, 0, 1]),
      ...PARAMETERS.map(({ key, spec }) => [key, spec.range[0], spec.range[1]]),
    ]);
  });
});
