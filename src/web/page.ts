// The classroom page as one self-contained HTML document: inline style, the scenarios as data, then the bundled
// script that builds the page. A pure function of its inputs; nothing in the document is fetched.
import { escapeHtml } from '../report/html.ts';
import type { ClassroomData } from './classroom.ts';
import { CLASSROOM_CSS } from './style.ts';

/** What the page is made of: the bundled browser code, the scenario files it offers, and its title. */
export interface ClassroomPageInput {
  readonly script: string;
  readonly data: ClassroomData;
  readonly title?: string;
}

/** The Content Security Policy of the page: inline script and style, data: images, the model's worker from a blob: of
 * the page's own script, nothing from anywhere. */
export const CLASSROOM_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; worker-src blob:";

/** Returns the complete classroom page: the data as JSON in one script (with `</` written `<\/`), the bundle in the next. */
export function classroomHtml({ script, data, title = 'partnersim classroom' }: ClassroomPageInput): string {
  const json = inlineScriptText(JSON.stringify({ scenarios: data.scenarios, initial: data.initial }));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CLASSROOM_CSP}">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${CLASSROOM_CSS}</style>
</head>
<body>
<div id="app"><noscript><p class="noscript">The classroom runs the model in your browser: please turn JavaScript on.</p></noscript></div>
<script>window.PARTNERSIM_CLASSROOM = ${json};</script>
<script>${inlineScriptText(script)}</script>
</body>
</html>
`;
}

/** Returns script text that cannot end its <script> element early: every `</` written `<\/` and `<!--` written `<\!--`
 * (the same characters to JavaScript inside strings, where the bundle and the data have them). */
export function inlineScriptText(text: string): string {
  return text.replaceAll('</', '<\\/').replaceAll('<!--', '<\\!--');
}
