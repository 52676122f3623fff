// Building a report: the charts rendered to SVG (inline in the HTML) and PNG (for slides), the key findings and the
// provenance, put together as one self-contained report.html: a comparison's (with each scenario's levers in words)
// or a sweep analysis's.
import type { Comparison } from '../analysis/comparison.ts';
import type { SweepAnalysis } from '../analysis/sweep-analysis.ts';
import { chartNotDrawn, scheduleInWords } from './messages.ts';
import { LEVER_KEYS, leverSchedule, type Scenario } from '../scenario/schema.ts';
import { analysisFindings } from './analysis-findings.ts';
import { renderAnalysisHtml, type AnalysisReportInput } from './analysis-html.ts';
import { analysisCharts } from './analysis-specs.ts';
import { keyFindings } from './findings.ts';
import { renderReportHtml, type ReportInput } from './html.ts';
import { reportCharts, type ChartSpec } from './specs.ts';

/** A rendered chart: its id (the file stem), SVG text and PNG bytes. */
export interface RenderedChart {
  readonly id: string;
  readonly svg: string;
  readonly png: Uint8Array;
}

/** What a report says about where it came from. */
export type ReportProvenance = ReportInput['provenance'];

/** What an analysis's report says about where it came from: partnersim's version, the commit, Node.js and the command. */
export type AnalysisProvenance = AnalysisReportInput['provenance'];

/** Returns every chart rendered (SVG and PNG, for the chart files) and as the page inlines it (SVG with title and caption).
 * A chart that cannot be drawn (a bug) has no files, and the page says why in its place: the report, and what it reports
 * on (such as a calibration of hours), outlives it. */
export async function renderCharts(
  specs: readonly ChartSpec[],
): Promise<{ rendered: RenderedChart[]; inline: ReportInput['charts'][number][] }> {
  // vega, vega-lite and resvg take about a second to load: they load when charts are drawn, not with this module.
  const { renderPng, renderSvg } = await import('./render.ts');
  const rendered: RenderedChart[] = [];
  const inline: ReportInput['charts'][number][] = [];
  for (const chart of specs) {
    try {
      const svg = await renderSvg(chart.spec);
      rendered.push({ id: chart.id, svg, png: renderPng(svg) });
      inline.push({ id: chart.id, title: chart.title, caption: chart.caption, svg });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      inline.push({ id: chart.id, title: chart.title, caption: chartNotDrawn(reason), svg: null });
    }
  }
  return { rendered, inline };
}

/** Returns the report of a comparison (one scenario for `partnersim run`): the HTML text and every chart rendered.
 * `notes` come first among the key findings (such as that the intervals include parameter uncertainty). */
export async function buildReport(
  title: string,
  comparison: Comparison,
  scenarios: readonly Scenario[],
  provenance: ReportProvenance,
  notes: readonly string[] = [],
): Promise<{ html: string; charts: RenderedChart[] }> {
  const { rendered, inline } = await renderCharts(reportCharts(comparison));
  const levers = scenarios.map((scenario) => ({
    scenario: scenario.name,
    levers: Object.fromEntries(LEVER_KEYS.map((key) => [key, scheduleInWords(leverSchedule(scenario, key), scenario.time.stepsPerYear)])),
  }));
  const html = renderReportHtml({
    title,
    comparison,
    levers,
    findings: [...notes, ...keyFindings(comparison)],
    charts: inline,
    provenance,
  });
  return { html, charts: rendered };
}

/** Returns the report of a sweep analysis (`partnersim analyse`): the HTML text and every chart rendered. */
export async function buildAnalysisReport(
  title: string,
  analysis: SweepAnalysis,
  provenance: AnalysisProvenance,
): Promise<{ html: string; charts: RenderedChart[] }> {
  const { rendered, inline } = await renderCharts(analysisCharts(analysis));
  const html = renderAnalysisHtml({ title, analysis, findings: analysisFindings(analysis), charts: inline, provenance });
  return { html, charts: rendered };
}
