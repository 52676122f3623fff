// The shape of each organisation kind, so kinds read apart without colour too (the legend shows the same shapes).
// Shapes are drawn into anything with canvas path methods; each encloses about the area of a circle of radius r.
import type { OrgKind } from '../scenario/schema.ts';

/** The path methods a shape uses (a CanvasRenderingContext2D or Path2D has them). */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, radius: number, startAngle: number, endAngle: number): void;
  closePath(): void;
}

/** The shape of each kind, in ORG_KINDS order. */
export const KIND_SHAPES: Record<OrgKind, ShapeName> = {
  school: 'circle',
  academy: 'square',
  trust: 'diamond',
  college: 'triangle',
  provider: 'hexagon',
  community: 'triangle-down',
  localAuthority: 'star',
};
export type ShapeName = 'circle' | 'square' | 'diamond' | 'triangle' | 'triangle-down' | 'hexagon' | 'star';

/** Adds a shape centred at (x, y) with size r to the current path, as a closed subpath. */
export function addShape(sink: PathSink, shape: ShapeName, x: number, y: number, r: number): void {
  switch (shape) {
    case 'circle':
      sink.moveTo(x + r, y);
      sink.arc(x, y, r, 0, 2 * Math.PI);
      break;
    case 'square': {
      const h = r * 0.886; // side sqrt(pi) r: the circle's area
      polygon(sink, [
        [x - h, y - h],
        [x + h, y - h],
        [x + h, y + h],
        [x - h, y + h],
      ]);
      break;
    }
    case 'diamond': {
      const d = r * 1.25;
      polygon(sink, [
        [x, y - d],
        [x + d, y],
        [x, y + d],
        [x - d, y],
      ]);
      break;
    }
    case 'triangle':
    case 'triangle-down':
      regular(sink, 3, x, y, r * 1.35, shape === 'triangle' ? -Math.PI / 2 : Math.PI / 2);
      break;
    case 'hexagon':
      regular(sink, 6, x, y, r * 1.1, 0);
      break;
    case 'star': {
      const points: [number, number][] = [];
      for (let k = 0; k < 10; k++) {
        const radius = k % 2 === 0 ? r * 1.45 : r * 0.62;
        const angle = -Math.PI / 2 + (k * Math.PI) / 5;
        points.push([x + radius * Math.cos(angle), y + radius * Math.sin(angle)]);
      }
      polygon(sink, points);
      break;
    }
  }
}

function regular(sink: PathSink, sides: number, x: number, y: number, radius: number, rotation: number): void {
  const points: [number, number][] = [];
  for (let k = 0; k < sides; k++) {
    const angle = rotation + (k * 2 * Math.PI) / sides;
    points.push([x + radius * Math.cos(angle), y + radius * Math.sin(angle)]);
  }
  polygon(sink, points);
}

function polygon(sink: PathSink, points: readonly (readonly [number, number])[]): void {
  sink.moveTo(points[0][0], points[0][1]);
  for (let k = 1; k < points.length; k++) sink.lineTo(points[k][0], points[k][1]);
  sink.closePath();
}

/** Returns the SVG path data of a shape (for the legend), centred at (x, y). */
export function shapeSvgPath(shape: ShapeName, x: number, y: number, r: number): string {
  const parts: string[] = [];
  const sink: PathSink = {
    moveTo: (px, py) => parts.push(`M${fmt(px)} ${fmt(py)}`),
    lineTo: (px, py) => parts.push(`L${fmt(px)} ${fmt(py)}`),
    arc: (cx, cy, radius) =>
      parts.push(
        `M${fmt(cx - radius)} ${fmt(cy)}a${fmt(radius)} ${fmt(radius)} 0 1 0 ${fmt(2 * radius)} 0a${fmt(radius)} ${fmt(radius)} 0 1 0 ${fmt(-2 * radius)} 0`,
      ),
    closePath: () => parts.push('Z'),
  };
  addShape(sink, shape, x, y, r);
  // A circle's moveTo before its arc is redundant in SVG; the arc's own M starts it.
  return parts.filter((_, k) => !(shape === 'circle' && k === 0)).join('');
}

function fmt(value: number): string {
  return Number(value.toFixed(2)).toString();
}
