// Building a report: the comparison's charts rendered to SVG (inline in the HTML) and PNG (for slides), the key
// findings, each scenario's levers in words, and the provenance, put together as one self-contained report.html.
import type { Comparison } from '../analysis/comparison.ts';
import { scheduleInWords } from '../messages.ts';
import { LEVER_KEYS, leverSchedule, type Scenario } from '../scenario/schema.ts';
import { keyFindings } from './findings.ts';
import { renderReportHtml, type ReportInput } from './html.ts';
import { renderPng, renderSvg } from './render.ts';
import { reportCharts } from './specs.ts';

/** A rendered chart: its id (the file stem), SVG text and PNG bytes. */
export interface RenderedChart {
  readonly id: string;
  readonly svg: string;
  readonly png: Uint8Array;
}

/** What a report says about where it came from. */
export type ReportProvenance = ReportInput['provenance'];

/** Returns the report of a comparison (one scenario for `partnersim run`): the HTML text and every chart rendered. */
export async function buildReport(title: string, comparison: Comparison, scenarios: readonly Scenario[], provenance: ReportProvenance): Promise<{ html: string; charts: RenderedChart[] }> {
  const charts: RenderedChart[] = [];
  const inline: ReportInput['charts'][number][] = [];
  for (const chart of reportCharts(comparison)) {
    const svg = await renderSvg(chart.spec);
    charts.push({ id: chart.id, svg, png: renderPng(svg) });
    inline.push({ id: chart.id, title: chart.title, caption: chart.caption, svg });
  }
  const levers = scenarios.map((scenario) => ({
    scenario: scenario.name,
    levers: Object.fromEntries(LEVER_KEYS.map((key) => [key, scheduleInWords(leverSchedule(scenario, key), scenario.time.stepsPerYear)])),
  }));
  const html = renderReportHtml({ title, comparison, levers, findings: keyFindings(comparison), charts: inline, provenance });
  return { html, charts };
}
