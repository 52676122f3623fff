// Kinds' shapes: each a closed outline about the size asked, the same on the canvas and in the legend's SVG.
import { describe, expect, it } from 'vitest';
import { ORG_KINDS } from '../../src/scenario/schema.ts';
import { addShape, KIND_SHAPES, shapeSvgPath, type PathSink } from '../../src/web/shapes.ts';

function record(shape: (typeof KIND_SHAPES)[keyof typeof KIND_SHAPES]): { xs: number[]; ys: number[]; closed: boolean } {
  const xs: number[] = [];
  const ys: number[] = [];
  let closed = false;
  const sink: PathSink = {
    moveTo: (x, y) => {
      xs.push(x);
      ys.push(y);
    },
    lineTo: (x, y) => {
      xs.push(x);
      ys.push(y);
    },
    arc: (x, y, r) => {
      xs.push(x - r, x + r);
      ys.push(y - r, y + r);
      closed = true;
    },
    closePath: () => {
      closed = true;
    },
  };
  addShape(sink, shape, 50, 50, 10);
  return { xs, ys, closed };
}

describe('kind shapes', () => {
  it('gives the seven kinds seven different shapes', () => {
    expect(new Set(ORG_KINDS.map((k) => KIND_SHAPES[k])).size).toBe(7);
  });

  it.each(ORG_KINDS)('draws a %s as a closed outline around its centre', (kind) => {
    const { xs, ys, closed } = record(KIND_SHAPES[kind]);
    expect(closed).toBe(true);
    expect(Math.min(...xs)).toBeLessThan(50);
    expect(Math.max(...xs)).toBeGreaterThan(50);
    expect(Math.max(...xs.map((x) => Math.abs(x - 50)), ...ys.map((y) => Math.abs(y - 50)))).toBeLessThanOrEqual(15);
  });

  it('writes the legend shapes as SVG path data', () => {
    expect(shapeSvgPath('square', 10, 10, 5)).toMatch(/^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+){3}Z$/);
    expect(shapeSvgPath('circle', 10, 10, 5)).toBe('M5 10a5 5 0 1 0 10 0a5 5 0 1 0 -10 0');
  });
});
