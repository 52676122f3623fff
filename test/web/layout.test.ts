// The network's layout: areas as a grid of regions, each organisation inside its own area, no two overlapping.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation.ts';
import { createMemoryHost } from '../../src/scenario/host.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { areaGrid, layoutNetwork, nodeAt } from '../../src/web/layout.ts';

const text = (f: string) => readFileSync(`scenarios/${f}`, 'utf8');
const host = createMemoryHost({ 'scenarios/baseline.yaml': text('baseline.yaml'), 'scenarios/two-areas.yaml': text('two-areas.yaml') });
const baseline = new Simulation(loadScenario('scenarios/baseline.yaml', host), 1).world;

describe('area grid', () => {
  it('gives each area the largest cell', () => {
    expect(areaGrid(4, 660, 490)).toEqual({ cols: 2, rows: 2 });
    expect(areaGrid(2, 660, 490)).toEqual({ cols: 2, rows: 1 });
    expect(areaGrid(2, 300, 600)).toEqual({ cols: 1, rows: 2 });
    expect(areaGrid(1, 100, 100)).toEqual({ cols: 1, rows: 1 });
    const { cols, rows } = areaGrid(150, 660, 420);
    expect(cols * rows).toBeGreaterThanOrEqual(150);
  });
});

describe('network layout', () => {
  const layout = layoutNetwork(baseline.orgs, baseline.areaCount, 660, 430);

  it('puts each organisation inside its own area, clear of the name band', () => {
    for (let i = 0; i < baseline.orgs.n; i++) {
      const { inner } = layout.cells[baseline.orgs.area[i]];
      expect(layout.px[i] - layout.r[i]).toBeGreaterThanOrEqual(inner.x - 1e-6);
      expect(layout.px[i] + layout.r[i]).toBeLessThanOrEqual(inner.x + inner.w + 1e-6);
      expect(layout.py[i] - layout.r[i]).toBeGreaterThanOrEqual(inner.y - 1e-6);
      expect(layout.py[i] + layout.r[i]).toBeLessThanOrEqual(inner.y + inner.h + 1e-6);
    }
  });

  it('sizes organisations by power', () => {
    const order = Array.from({ length: baseline.orgs.n }, (_, i) => i).filter((i) => baseline.orgs.area[i] === 0);
    const [weak, strong] = [
      order.reduce((a, b) => (baseline.orgs.power[a] < baseline.orgs.power[b] ? a : b)),
      order.reduce((a, b) => (baseline.orgs.power[a] > baseline.orgs.power[b] ? a : b)),
    ];
    expect(layout.r[strong]).toBeGreaterThan(layout.r[weak]);
  });

  it('keeps organisations of an area from overlapping much', () => {
    let worst = 0;
    for (let i = 0; i < baseline.orgs.n; i++) {
      for (let j = i + 1; j < baseline.orgs.n; j++) {
        if (baseline.orgs.area[i] !== baseline.orgs.area[j]) continue;
        const overlap = layout.r[i] + layout.r[j] - Math.hypot(layout.px[i] - layout.px[j], layout.py[i] - layout.py[j]);
        worst = Math.max(worst, overlap);
      }
    }
    expect(worst).toBeLessThan(2);
  });

  it('is the same every time: a function of the world and the size', () => {
    const again = layoutNetwork(baseline.orgs, baseline.areaCount, 660, 430);
    expect([...again.px]).toEqual([...layout.px]);
    expect([...again.py]).toEqual([...layout.py]);
  });

  it('finds the organisation under a point', () => {
    expect(nodeAt(layout, layout.px[10], layout.py[10])).toBe(10);
    expect(nodeAt(layout, -50, -50)).toBe(-1);
  });
});

describe('map positions (organisations read from the register)', () => {
  it('keep distances in proportion on both axes, with north up, centred in their area’s box', () => {
    const orgs = {
      n: 3,
      area: [0, 0, 0],
      x: [400000, 400100, 400000],
      y: [200000, 200000, 200100],
      power: [0.5, 0.5, 0.5],
    };
    const layout = layoutNetwork(orgs, 1, 600, 400, 1, 'map');
    const east = layout.px[1] - layout.px[0];
    const north = layout.py[0] - layout.py[2];
    expect(east).toBeGreaterThan(0);
    expect(north).toBeCloseTo(east, 6);
    expect(layout.py[1]).toBeCloseTo(layout.py[0], 6);
    const box = layout.cells[0].inner;
    expect((layout.px[0] + layout.px[1]) / 2).toBeCloseTo(box.x + box.w / 2, 6);
  });
});
