// Rendering the report's charts: SVG at the spec's size with its title, PNG at scale with real pixels and real text
// (the shipped DejaVu Sans), text laid out with that font's widths, and a spec that warns refused (and in a report,
// left out with the reason in its place).
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { renderCharts } from '../../src/report/build.ts';
import { chartsHtml } from '../../src/report/html.ts';
import { chartNotDrawn } from '../../src/report/messages.ts';
import { measureText, renderPng, renderSvg } from '../../src/report/render.ts';
import { CHART_FONT_FAMILY, CHART_HEIGHT, CHART_WIDTH, reportCharts, seriesSpec } from '../../src/report/specs.ts';
import { oneScenario, twoScenarios, deepFreeze } from './fixture.ts';
import { decodePng, isDark, isWhite, pngSize, type Pixels } from './png.ts';

const SINGLE_VIEWS = new Set(['series-active', 'series-participation', 'series-meanTrust', 'series-meanStrength', 'survival', 'hazard']);

/** Returns the width and height attributes of an SVG's root element. */
function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  return { width: Number(/\swidth="([\d.]+)"/.exec(root)?.[1]), height: Number(/\sheight="([\d.]+)"/.exec(root)?.[1]) };
}

/** Returns the title text of a chart's spec. */
function titleText(spec: TopLevelSpec): string {
  return (spec.title as { text: string }).text;
}

/** Returns how many pixels in the rectangle satisfy the test. */
function count(
  image: Pixels,
  test: (image: Pixels, x: number, y: number) => boolean,
  x0 = 0,
  y0 = 0,
  x1 = image.width,
  y1 = image.height,
): number {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) n += +test(image, x, y);
  return n;
}

/** Returns the SVG of a line of text in the chart font on white. */
function textSvg(text: string, size: number, weight = 'normal'): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60"><rect width="400" height="60" fill="white"/><text x="20" y="40" font-family="${CHART_FONT_FAMILY}" font-size="${size}" font-weight="${weight}" fill="#000">${text}</text></svg>`;
}

const TWO = reportCharts(twoScenarios());
const rendered = await Promise.all(TWO.map(async (chart) => ({ chart, svg: await renderSvg(chart.spec) })));

// A chart vega warns of while running its view (an axis over no numbers): one renderSvg refuses and renderCharts leaves out.
const EMPTY_EXTENT: TopLevelSpec = {
  title: 'Empty extent',
  data: { values: [{ a: null }] },
  mark: 'point',
  encoding: { x: { field: 'a', type: 'quantitative' } },
};
describe('renderSvg', () => {
  it.each(rendered.map((r) => ({ id: r.chart.id, ...r })))(
    '$id: the SVG has the spec size, its title and the chart font',
    ({ chart, svg }) => {
      const { width, height } = svgSize(svg);
      if (SINGLE_VIEWS.has(chart.id)) expect({ width, height }).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
      else expect(width * height).toBeGreaterThan(CHART_WIDTH * 200);
      expect(svg).toContain(`viewBox="0 0 ${width} ${height}"`);
      expect(svg).toContain(`>${titleText(chart.spec)}</text>`);
      expect(svg).toContain(`font-family="${CHART_FONT_FAMILY}, Verdana, sans-serif"`);
    },
  );

  it('draws a legend naming the scenarios wherever colour tells them apart, and the levels where it tells levels apart', () => {
    for (const { chart, svg } of rendered) {
      const legend = svg.slice(svg.indexOf('role-legend'));
      if (chart.id === 'differences') expect(svg).not.toContain('role-legend');
      else if (chart.id === 'levels') expect(legend).toContain('>collaborating</text>');
      else expect(legend, chart.id).toMatch(/>baseline<\/text>[\s\S]*>more funding<\/text>/);
    }
  });

  it('renders every chart of a single scenario without a warning', async () => {
    for (const chart of reportCharts(oneScenario())) expect(svgSize(await renderSvg(chart.spec)).width).toBeGreaterThan(0);
  });

  it('leaves its spec as it was (vega tags the data it ingests; renderSvg works on a copy)', async () => {
    const spec = deepFreeze(seriesSpec(twoScenarios(), 'active'));
    const before = JSON.stringify(spec);
    await renderSvg(spec);
    expect(JSON.stringify(spec)).toBe(before);
  });

  it('is deterministic', async () => {
    const spec = TWO.find((c) => c.id === 'levels')!.spec;
    expect(await renderSvg(spec)).toBe(rendered.find((r) => r.chart.id === 'levels')!.svg);
  });

  it("names a colour legend's gradient after its spec: the same bytes on every render, and no id shared by two charts", async () => {
    const heatmap = (max: number): TopLevelSpec => ({
      data: {
        values: [
          { x: 'a', v: 0 },
          { x: 'b', v: max },
        ],
      },
      mark: 'rect',
      encoding: { x: { field: 'x', type: 'nominal' }, color: { field: 'v', type: 'quantitative' } },
    });
    const [first, again, other] = [await renderSvg(heatmap(1)), await renderSvg(heatmap(1)), await renderSvg(heatmap(2))];
    const ids = (svg: string) => [...svg.matchAll(/id="([^"]*gradient[^"]*)"/g)].map((m) => m[1]);
    expect(ids(first)).toHaveLength(1);
    expect(again).toBe(first);
    expect(ids(other)).toHaveLength(1);
    expect(ids(other)[0]).not.toBe(ids(first)[0]);
    expect(first).toContain(`url(#${ids(first)[0]})`);
  });

  it('throws when vega-lite warns, naming the chart and the warning', async () => {
    const warns: TopLevelSpec = {
      title: 'Bars with shapes',
      data: { values: [{ a: 1, b: 'x' }] },
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'quantitative' }, shape: { field: 'b', type: 'nominal' } },
    };
    await expect(renderSvg(warns)).rejects.toThrow(/"Bars with shapes".*\n.*shape/);
  });

  it('throws when vega warns while running the view', async () => {
    await expect(renderSvg(EMPTY_EXTENT)).rejects.toThrow(/Infinite extent/);
  });
});

describe('renderCharts', () => {
  it('leaves out a chart that cannot be drawn, saying why in its place, and draws the others', async () => {
    const [levels] = TWO.filter((chart) => chart.id === 'levels');
    const broken = { id: 'broken', title: 'Broken', caption: 'Never shown.', spec: EMPTY_EXTENT };
    const { rendered, inline } = await renderCharts([broken, levels]);
    expect(rendered.map((r) => r.id)).toEqual(['levels']);
    expect(inline.map((c) => c.id)).toEqual(['broken', 'levels']);
    expect(inline[0]).toMatchObject({ svg: null, title: 'Broken' });
    expect(inline[0].caption).toBe(chartNotDrawn(await renderSvg(EMPTY_EXTENT).catch((error: Error) => error.message)));
    const html = chartsHtml(inline);
    expect(html).toContain(
      '<figure class="chart" id="broken">\n<figcaption><span class="chart-title">Broken.</span> This chart could not be drawn',
    );
    expect(html).not.toContain('Never shown.');
  });
});

describe('renderPng', () => {
  it.each(rendered.map((r) => ({ id: r.chart.id, ...r })))(
    '$id: the PNG is the SVG size times the scale, not blank, and nothing is cut at its edges',
    ({ svg }) => {
      const png = renderPng(svg, 2);
      const { width, height } = svgSize(svg);
      expect(pngSize(png)).toEqual({ width: Math.round(2 * width), height: Math.round(2 * height) });
      const image = decodePng(png);
      const colours = new Set<number>();
      for (let k = 0; k < image.rgba.length; k += 4 * 7) colours.add((image.rgba[k] << 16) | (image.rgba[k + 1] << 8) | image.rgba[k + 2]);
      expect(colours.size).toBeGreaterThan(10);
      expect(count(image, isDark)).toBeGreaterThan(2000);
      // vega leaves 5 px of padding: anything drawn in the outer 4 px (at scale 2) was pushed off the canvas.
      const border = 4;
      const inner = count(image, isWhite, border, border, image.width - border, image.height - border);
      expect(count(image, isWhite)).toBe(inner + 2 * border * (image.width + image.height) - 4 * border * border);
    },
  );

  it('defaults to scale 2 and takes other scales', () => {
    const svg = rendered[2].svg;
    expect(pngSize(renderPng(svg))).toEqual({ width: 2 * CHART_WIDTH, height: 2 * CHART_HEIGHT });
    expect(pngSize(renderPng(svg, 1))).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
    expect(() => renderPng(svg, 0)).toThrow(RangeError);
  });

  it('draws text with the shipped font (text disappears without a font)', () => {
    const image = decodePng(renderPng(textSvg('Partnerships', 24), 1));
    expect(count(image, isDark)).toBeGreaterThan(300);
  });

  it("draws a chart's title: blanking the title text changes only the title's band, which then holds no ink", () => {
    const { chart, svg } = rendered.find((r) => r.chart.id === 'series-meanTrust')!;
    const title = `>${titleText(chart.spec)}</text>`;
    expect(svg.split(title)).toHaveLength(2);
    const withTitle = decodePng(renderPng(svg, 2));
    const without = decodePng(renderPng(svg.replace(title, '></text>'), 2));
    const band = 2 * 24; // the 16 px title sits in the top 24 px; the subtitle below it
    let changed = 0;
    let changedBelow = 0;
    for (let y = 0; y < withTitle.height; y++)
      for (let x = 0; x < withTitle.width; x++) {
        const k = 4 * (y * withTitle.width + x);
        if (withTitle.rgba.subarray(k, k + 4).some((v, c) => v !== without.rgba[k + c])) y < band ? changed++ : changedBelow++;
      }
    expect(changed).toBeGreaterThan(500);
    expect(changedBelow).toBe(0);
    expect(count(without, isDark, 0, 0, withTitle.width, band - 8)).toBe(0);
    expect(count(withTitle, isDark, 0, 0, withTitle.width, band)).toBeGreaterThan(300);
  });
});

describe('measureText', () => {
  it.each([
    { text: 'Partnerships formed', size: 24, weight: 'normal' },
    { text: 'How long partnerships last', size: 16, weight: 'bold' },
    { text: 'Share of organisations (0-1) 95%', size: 13, weight: 'normal' },
  ])('gives the width resvg draws "$text" at $size px ($weight) to within 3%', ({ text, size, weight }) => {
    const image = decodePng(renderPng(textSvg(text, size, weight), 1));
    let left = image.width;
    let right = 0;
    for (let y = 0; y < image.height; y++)
      for (let x = 0; x < image.width; x++)
        if (!isWhite(image, x, y)) {
          left = Math.min(left, x);
          right = Math.max(right, x);
        }
    const ink = right - left + 1;
    const measured = measureText({ fontSize: size, fontWeight: weight }, text);
    // The advance width includes the first and last glyphs' side bearings, a pixel or two at these sizes.
    expect(Math.abs(measured - ink) / ink).toBeLessThan(0.03);
  });

  it('stops at the limit, as vega truncates longer text to it', () => {
    expect(measureText({ fontSize: 12, limit: 50 }, 'a rather long legend label')).toBe(50);
    expect(measureText({ fontSize: 12 }, '')).toBe(0);
  });
});
