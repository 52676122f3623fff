// Building a calibration's report: its charts rendered to SVG (inline in the HTML) and PNG (for slides), its key
// findings and its provenance, as one self-contained report.html.
import { calibrationFindings, type CalibrationView } from './calibration-findings.ts';
import { renderCalibrationHtml } from './calibration-html.ts';
import { calibrationCharts } from './calibration-specs.ts';
import { calibrationTitle } from './calibration-words.ts';
import { renderCharts, type RenderedChart } from './build.ts';
import type { CommandProvenance } from './html.ts';

/** Returns the report of a calibration: the HTML text and every chart rendered. */
export async function buildCalibrationReport(
  view: CalibrationView,
  provenance: CommandProvenance,
): Promise<{ html: string; charts: RenderedChart[] }> {
  const { rendered, inline } = await renderCharts(calibrationCharts(view));
  const html = renderCalibrationHtml({
    title: calibrationTitle(view.calibration.name, view.scenario.name),
    view,
    findings: calibrationFindings(view),
    charts: inline,
    provenance,
  });
  return { html, charts: rendered };
}
