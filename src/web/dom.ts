// Small helpers to build the page's elements: an element with attributes and children, and the legend's shapes as SVG.
import { shapeSvgPath, type ShapeName } from './shapes.ts';

type Child = Node | string | null | undefined | false;

/** Returns a new element with these attributes (false and null leave one out) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | null | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

/** Returns a small SVG of a kind's shape in its colour, for the legend; with `outline`, drawn as a trust's member is. */
export function shapeIcon(shape: ShapeName, fill: string, outline?: string, size = 20): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', shapeSvgPath(shape, 10, 10, 6.2));
  path.setAttribute('fill', fill);
  path.setAttribute('stroke', outline ?? 'rgba(17,20,24,0.75)');
  path.setAttribute('stroke-width', outline ? '2.6' : '1');
  svg.append(path);
  return svg;
}

/** Returns a small SVG of a line or a ring in a colour (dashed as `dash` says, an SVG dash array), for the legend. */
export function strokeIcon(kind: 'line' | 'ring' | 'dot', color: string, width: number, size = 22, dash?: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('viewBox', '0 0 22 22');
  svg.setAttribute('aria-hidden', 'true');
  const shape = document.createElementNS(SVG, kind === 'line' ? 'line' : 'circle');
  if (kind === 'line') {
    shape.setAttribute('x1', '2');
    shape.setAttribute('y1', '11');
    shape.setAttribute('x2', '20');
    shape.setAttribute('y2', '11');
    shape.setAttribute('stroke-linecap', 'round');
  } else {
    shape.setAttribute('cx', '11');
    shape.setAttribute('cy', '11');
    shape.setAttribute('r', kind === 'ring' ? '7' : '7.5');
  }
  if (kind === 'dot') {
    shape.setAttribute('fill', color);
    shape.setAttribute('stroke', 'rgba(17,20,24,0.75)');
    const inner = document.createElementNS(SVG, 'circle');
    inner.setAttribute('cx', '11');
    inner.setAttribute('cy', '11');
    inner.setAttribute('r', '3');
    inner.setAttribute('fill', '#fff');
    svg.append(shape, inner);
    return svg;
  }
  shape.setAttribute('fill', 'none');
  shape.setAttribute('stroke', color);
  shape.setAttribute('stroke-width', String(width));
  if (dash) shape.setAttribute('stroke-dasharray', dash);
  svg.append(shape);
  return svg;
}
