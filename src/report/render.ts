// Draws the report's vega-lite specs on the Node side: SVG through vega's headless view, PNG through resvg
// with the DejaVu Sans files shipped in the dejavu-fonts-ttf package, so text never depends on the system's fonts.
//
//   vega-lite spec --(1) compile--> vega spec --(2) parse--> runtime --(3) View, renderer none--> SVG --(4) resvg--> PNG
//
// A warning at (1)-(3) means a spec asks for something vega-lite or vega will not draw as written: a bug, so it throws.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { digest } from '../random.ts';
import { CHART_FONT_FAMILY } from './specs.ts';

const require = createRequire(import.meta.url);
/** The regular and bold faces: vega draws titles and headers bold, and resvg does not synthesise bold. */
const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

/** A font's horizontal metrics: the advance of a character in units of the em. */
interface FontMetrics {
  readonly advance: (codePoint: number) => number;
}

/** Returns the advance widths of a TrueType font, read from its head, hhea, hmtx and cmap (format 4, Unicode BMP) tables. */
function readFontMetrics(bytes: Buffer): FontMetrics {
  const tables = new Map<string, number>();
  for (let k = 0, n = bytes.readUInt16BE(4); k < n; k++)
    tables.set(bytes.toString('latin1', 12 + 16 * k, 16 + 16 * k), bytes.readUInt32BE(20 + 16 * k));
  const table = (tag: string): number => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`the chart font has no ${tag} table`);
    return at;
  };
  const unitsPerEm = bytes.readUInt16BE(table('head') + 18);
  const hMetrics = bytes.readUInt16BE(table('hhea') + 34);
  const hmtx = table('hmtx');
  const cmap = table('cmap');
  let subtable = -1;
  for (let k = 0, n = bytes.readUInt16BE(cmap + 2); k < n; k++) {
    const record = cmap + 4 + 8 * k;
    const at = cmap + bytes.readUInt32BE(record + 4);
    if (bytes.readUInt16BE(record) === 3 && bytes.readUInt16BE(record + 2) === 1 && bytes.readUInt16BE(at) === 4) subtable = at;
  }
  if (subtable < 0) throw new Error('the chart font has no Unicode (3, 1) format 4 cmap');
  const segments = bytes.readUInt16BE(subtable + 6) / 2;
  const ends = subtable + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  const glyphOf = (cp: number): number => {
    for (let k = 0; k < segments; k++) {
      if (bytes.readUInt16BE(ends + 2 * k) < cp) continue;
      const start = bytes.readUInt16BE(starts + 2 * k);
      if (start > cp) return 0;
      const delta = bytes.readUInt16BE(deltas + 2 * k);
      const rangeOffset = bytes.readUInt16BE(rangeOffsets + 2 * k);
      if (rangeOffset === 0) return (cp + delta) & 0xffff;
      const glyph = bytes.readUInt16BE(rangeOffsets + 2 * k + rangeOffset + 2 * (cp - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
  const cache = new Map<number, number>();
  return {
    advance(cp) {
      let em = cache.get(cp);
      if (em === undefined) {
        const glyph = cp > 0xffff ? 0 : glyphOf(cp);
        em = bytes.readUInt16BE(hmtx + 4 * Math.min(glyph, hMetrics - 1)) / unitsPerEm;
        cache.set(cp, em);
      }
      return em;
    },
  };
}

let fontMetrics: { regular: FontMetrics; bold: FontMetrics } | null = null;

/** The text properties of a vega scenegraph item that its width depends on. */
interface TextItem {
  readonly fontSize?: number | string;
  readonly fontWeight?: number | string;
  readonly limit?: number;
}

/** Returns the width in pixels of a line of text as resvg will draw it in DejaVu Sans (kerning aside), capped at the item's limit. */
export function measureText(item: TextItem, text: unknown): number {
  fontMetrics ??= { regular: readFontMetrics(readFileSync(FONT_FILES.regular)), bold: readFontMetrics(readFileSync(FONT_FILES.bold)) };
  const line = text == null ? '' : String(text).trim();
  const size = item.fontSize != null ? +item.fontSize || 0 : 11;
  const weight = item.fontWeight;
  const face = weight === 'bold' || weight === 'bolder' || (weight != null && +weight >= 600) ? fontMetrics.bold : fontMetrics.regular;
  let em = 0;
  for (const ch of line) em += face.advance(ch.codePointAt(0) ?? 0);
  const width = em * size;
  // vega truncates text longer than its limit to fit the limit, ellipsis included.
  return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
}

/**
 * Makes vega lay text out with the chart font's real widths. Without a canvas, vega guesses 0.8 em a character,
 * which overstates DejaVu Sans by about a third: long axis titles then push chart titles off the canvas and labels
 * are cut short. Vega supports replacing textMetrics.width (vl-convert does the same); it is process-wide.
 */
function useChartFontMetrics(): void {
  const { textMetrics } = vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } };
  textMetrics.width = measureText;
}

/** Returns a logger that records every warning and error instead of printing it. */
function collectingLogger(messages: string[]): vega.LoggerInterface {
  const text = (args: unknown[]): string => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
  const logger: vega.LoggerInterface = {
    level(_?: number) {
      return arguments.length > 0 ? logger : vega.Warn;
    },
    error(...args: unknown[]) {
      messages.push(`error: ${text(args)}`);
      return logger;
    },
    warn(...args: unknown[]) {
      messages.push(`warning: ${text(args)}`);
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}

/** Returns the title text of a spec, to name it in an error. */
function titleOf(spec: TopLevelSpec): string {
  const title = spec.title;
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object' && 'text' in title && typeof title.text === 'string') return title.text;
  return '(untitled)';
}

/**
 * Returns SVG whose definitions (gradients of colour legends, clip paths) carry ids prefixed with `scope`. Vega
 * numbers them from process-wide counters: reset before each chart and scoped by the spec, the same spec gives the
 * same bytes in any process, and two charts inline in one page never share an id.
 */
function scopeDefIds(svg: string, scope: string): string {
  return svg.replace(/(id="|url\(#)((?:p_)?gradient_\d+|clip\d+)/g, `$1${scope}-$2`);
}

/** Returns the SVG of a vega-lite spec; throws if vega-lite or vega warns. Works on a copy: vega tags the data it ingests. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  useChartFontMetrics();
  const messages: string[] = [];
  const logger = collectingLogger(messages);
  const compiled = compile(structuredClone(spec), { logger }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger, logLevel: vega.Warn });
  try {
    vega.resetSVGDefIds();
    const svg = scopeDefIds(await view.toSVG(), `c${digest(JSON.stringify(spec)).slice(0, 8)}`);
    if (messages.length > 0)
      throw new Error(`rendering the chart "${titleOf(spec)}" raised ${messages.length} message(s):\n  ${messages.join('\n  ')}`);
    return svg;
  } finally {
    view.finalize();
  }
}

/** Returns the PNG of an SVG drawn at `scale` times its size (2 by default, for sharp text on screens and in print). */
export function renderPng(svg: string, scale = 2): Uint8Array {
  if (!(Number.isFinite(scale) && scale > 0)) throw new RangeError(`the PNG scale must be a positive number, found ${scale}`);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      fontFiles: [FONT_FILES.regular, FONT_FILES.bold],
      loadSystemFonts: false,
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
    },
    logLevel: 'off',
  });
  const png = resvg.render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
