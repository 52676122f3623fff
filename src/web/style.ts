// The classroom page's style sheet, inlined into the page: projector first (large type, strong contrast,
// a visible focus ring), one screen with no sideways scrolling from 1024x768 up (designed at 1280x720, larger from
// 1600x880), system fonts only.

/** Colours shared by the style sheet and the canvases, so that legends and drawings agree. */
export const COLORS = {
  ink: '#111418',
  muted: '#3d4550',
  faint: '#6b7480',
  paper: '#ffffff',
  panel: '#f3f5f8',
  line: '#c9d0d9',
  accent: '#0b57d0',
  focus: '#ffb000',
  broken: '#d7191c',
  area: '#f6f8fb',
  areaLine: '#d5dbe3',
  tie: '#56606b',
  runB: '#7a3db8',
} as const;

/** Colour of each organisation kind, in ORG_KINDS order (after Okabe & Ito's colour-blind-safe palette). */
export const KIND_COLORS = ['#0072b2', '#56b4e9', '#cc79a7', '#e69f00', '#d55e00', '#e8d000', '#111418'] as const;

/** Colour of each continuum level, weakest first: pale to deep green, the colour of partnerships everywhere on the page. */
export const LEVEL_COLORS = ['#a9d8a6', '#5fb85a', '#238b45', '#00441b'] as const;

/** Outline colours of multi-academy trusts' members: strong hues apart from the kinds' fills, the partnerships' greens,
 * the broken tie's red and run B's purple, so that a trust's schools read as one group; neighbouring trusts differ. */
export const TRUST_COLORS = ['#e7298a', '#00a09a', '#8c510a', '#3f48cc', '#ff7f50', '#7b7b00'] as const;

/** Colours of run A's three line charts: active partnerships, participation, mean trust. None is purple: that is run B's. */
export const SERIES_COLORS = { active: '#0b57d0', participation: '#c25400', trust: '#00838f' } as const;

/** The root font size in CSS pixels at the page's design size (1280x720); every size in the style sheet is in rem, so the
 * whole page grows with the root font on larger screens (a projector at 1920x1080 shows the same layout, larger). */
export const BASE_FONT_PX = 18;

/** The root font size by screen: from each minimum width and height on, this many CSS pixels (the first applies below the rest). */
export const TEXT_SIZES: readonly { readonly minWidth: number; readonly minHeight: number; readonly px: number }[] = [
  { minWidth: 0, minHeight: 0, px: BASE_FONT_PX },
  { minWidth: 1600, minHeight: 880, px: 22 },
  { minWidth: 2400, minHeight: 1300, px: 27 },
];

/** Returns a length given in CSS pixels at the design size as rem, so that it grows with the root font. */
function rem(px: number): string {
  return `${Number((px / BASE_FONT_PX).toFixed(4))}rem`;
}

/** The style sheet. */
export const CLASSROOM_CSS = `
:root { color-scheme: light; --ink: ${COLORS.ink}; --muted: ${COLORS.muted}; --paper: ${COLORS.paper}; --panel: ${COLORS.panel};
  --line: ${COLORS.line}; --accent: ${COLORS.accent}; --focus: ${COLORS.focus}; --broken: ${COLORS.broken}; --run-b: ${COLORS.runB}; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { font-size: ${BASE_FONT_PX}px; }
html, body { margin: 0; height: 100%; }
body { font: ${rem(18)}/1.35 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink);
  background: var(--paper); overflow-x: hidden; }
#app { height: 100%; }
.noscript { padding: 2rem; font-size: 1.3rem; }
button, select, input { font: inherit; color: inherit; }
:focus-visible { outline: 3px solid var(--ink); outline-offset: 2px; box-shadow: 0 0 0 ${rem(6)} var(--focus); }
canvas:focus-visible { outline-offset: -3px; }

.cls { height: 100vh; min-height: ${rem(640)}; display: grid; gap: ${rem(8)}; padding: 0 ${rem(8)} ${rem(8)};
  grid-template-columns: ${rem(272)} minmax(0, 1fr) ${rem(340)}; grid-template-rows: auto minmax(0, 1fr) ${rem(172)};
  grid-template-areas: "bar bar bar" "levers view side" "levers charts charts"; }
.cls.whatif { grid-template-columns: ${rem(300)} minmax(0, 1fr) ${rem(312)}; }

.bar { grid-area: bar; display: flex; align-items: center; gap: ${rem(8)} ${rem(10)}; flex-wrap: wrap; padding: ${rem(7)} 0 ${rem(6)}; font-size: ${rem(16.5)};
  border-bottom: 2px solid var(--line); }
.bar h1 { font-size: ${rem(20)}; margin: 0 ${rem(6)} 0 0; white-space: nowrap; }
.bar h1 span { font-weight: 400; color: var(--muted); }
.bar label { display: inline-flex; align-items: center; gap: ${rem(6)}; white-space: nowrap; }
.bar select { width: ${rem(178)}; padding: ${rem(4)} ${rem(4)}; border: 2px solid var(--line); border-radius: ${rem(6)}; background: var(--paper); }
#seed { width: 4.6em; padding: ${rem(4)} ${rem(6)}; border: 2px solid var(--line); border-radius: ${rem(6)}; }
.bar .spacer { flex: 1 1 0; }
button { cursor: pointer; border-radius: ${rem(8)}; border: 2px solid var(--ink); background: var(--paper); padding: ${rem(5)} ${rem(12)};
  font-weight: 600; white-space: nowrap; }
button:hover { background: var(--panel); }
button:disabled { opacity: 0.45; cursor: default; }
#play { min-width: 6.1em; background: var(--accent); border-color: var(--accent); color: #fff; }
#play[aria-pressed="true"] { background: var(--ink); border-color: var(--ink); }
#whatif[aria-pressed="true"] { background: var(--run-b); border-color: var(--run-b); color: #fff; }
#speed { width: ${rem(90)}; accent-color: var(--accent); }
#speed-value { min-width: 4.9em; font-variant-numeric: tabular-nums; }
#year { font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; padding: ${rem(4)} ${rem(10)}; border-radius: ${rem(8)};
  background: var(--panel); min-width: 10.4em; text-align: center; }

.levers { grid-area: levers; overflow-y: auto; overflow-x: hidden; padding-right: ${rem(4)}; display: flex; flex-direction: column; }
.panel-head { display: flex; align-items: baseline; justify-content: space-between; gap: ${rem(8)}; margin: ${rem(4)} 0 2px; }
h2 { font-size: ${rem(18)}; margin: 0; }
.panel-head button { font-size: ${rem(15)}; padding: 2px ${rem(8)}; font-weight: 500; border-width: 1px; }
.lever { padding: 1px 0 2px; border-bottom: 1px solid #e3e7ec; }
.lever label { display: flex; justify-content: space-between; gap: ${rem(6)}; font-size: ${rem(17)}; line-height: ${rem(20)}; }
.lever .value { font-weight: 700; font-variant-numeric: tabular-nums; }
.lever .value-b { color: var(--run-b); }
.lever .set { color: var(--accent); font-weight: 700; }
.lever .sliders { display: flex; gap: ${rem(8)}; }
.lever input[type=range] { flex: 1 1 0; min-width: 0; width: 100%; margin: 1px 0 0; accent-color: var(--accent); height: ${rem(19)}; }
.lever input[data-run="B"] { accent-color: var(--run-b); }
.legend-kinds { margin-top: auto; padding-top: ${rem(4)}; }
.legend-kinds h2 { font-size: ${rem(16)}; }
.legend-kinds ul { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: 1fr 1fr; gap: 0 ${rem(8)}; font-size: ${rem(15)}; line-height: ${rem(20)}; }
.legend-kinds li, .legend-line span { display: inline-flex; align-items: center; gap: ${rem(5)}; white-space: nowrap; }
.legend-kinds svg, .legend-line svg { flex: none; }

.views { grid-area: view; display: flex; flex-direction: column; min-height: 0; min-width: 0; position: relative; }
.notice { position: absolute; top: ${rem(34)}; left: 50%; transform: translateX(-50%); width: min(36em, 92%); margin: 0; padding: ${rem(8)} ${rem(12)};
  background: var(--paper); border: 2px solid var(--run-b); border-radius: ${rem(8)}; box-shadow: 0 2px ${rem(10)} rgba(0, 0, 0, 0.2); font-size: ${rem(16)}; }
.view-row { flex: 1 1 0; min-height: 0; display: flex; gap: ${rem(8)}; }
.view { flex: 1 1 0; min-width: 0; margin: 0; display: flex; flex-direction: column; border: 2px solid var(--line); border-radius: ${rem(8)}; overflow: hidden; }
.view .canvas-box { flex: 1 1 0; min-height: 0; position: relative; }
.view canvas { position: absolute; inset: 0; display: block; width: 100%; height: 100%; }
.view .tag { font-weight: 700; font-size: ${rem(16)}; padding: 1px ${rem(8)}; border-bottom: 1px solid var(--line); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.view.b { border-color: var(--run-b); }
.view.b .tag { color: var(--run-b); }
.legend-line { display: flex; flex-wrap: wrap; gap: 2px ${rem(14)}; font-size: ${rem(15)}; color: var(--muted); padding: ${rem(4)} 2px 0; }

.side { grid-area: side; display: flex; flex-direction: column; gap: ${rem(8)}; min-height: 0; }
#details { flex: 0 1 auto; max-height: 62%; overflow-y: auto; background: var(--panel); border-radius: ${rem(8)}; padding: ${rem(8)} ${rem(10)};
  border: 2px solid transparent; }
#details.chosen { border-color: var(--ink); max-height: 42%; }
#details h2 { display: flex; justify-content: space-between; align-items: baseline; gap: ${rem(8)}; }
#details h3 { font-size: ${rem(16)}; margin: ${rem(8)} 0 2px; }
#details .hint { margin: 0; color: var(--muted); font-size: ${rem(16)}; }
#details dl { display: grid; grid-template-columns: auto 1fr; gap: 1px ${rem(10)}; margin: ${rem(4)} 0; font-size: ${rem(16)}; }
#details dt { color: var(--muted); }
#details dd { margin: 0; font-variant-numeric: tabular-nums; }
#details ul, #details ol { margin: 2px 0; padding-left: 1.1em; font-size: ${rem(16)}; }
#details .close { font-size: ${rem(15)}; padding: 0 ${rem(8)}; border-width: 1px; }
.link { border: 0; background: none; padding: 0; font-weight: 600; color: var(--accent); text-decoration: underline; border-radius: 3px; }
.link:hover { background: none; color: var(--ink); }
.bar-row { display: grid; grid-template-columns: 7.5em 1fr 3em; align-items: center; gap: ${rem(6)}; font-size: ${rem(16)}; }
.bar-row .track { height: ${rem(10)}; background: #dde3ea; border-radius: ${rem(5)}; overflow: hidden; }
.bar-row .fill { height: 100%; background: ${LEVEL_COLORS[2]}; }
.bar-row .num { text-align: right; font-variant-numeric: tabular-nums; }
.feed-panel { flex: 1 1 0; min-height: max(${rem(120)}, 44%); display: flex; flex-direction: column; }
.feed-head { display: flex; align-items: baseline; justify-content: space-between; gap: ${rem(8)}; margin-bottom: ${rem(4)}; }
.filters { position: relative; font-size: ${rem(15)}; }
.filters summary { cursor: pointer; color: var(--accent); font-weight: 600; padding: 0 ${rem(4)}; border-radius: ${rem(4)}; }
.filters .choices { position: absolute; right: 0; top: calc(100% + ${rem(4)}); z-index: 5; display: flex; flex-direction: column;
  gap: ${rem(4)}; padding: ${rem(6)}; background: var(--paper); border: 2px solid var(--line); border-radius: ${rem(8)};
  box-shadow: 0 2px ${rem(10)} rgba(0, 0, 0, 0.2); }
.filters label { font-size: ${rem(14)}; display: inline-flex; align-items: center; gap: 3px; padding: 1px ${rem(7)} 1px ${rem(4)}; border: 1px solid var(--line);
  border-radius: ${rem(12)}; cursor: pointer; }
.filters input { margin: 0; width: ${rem(15)}; height: ${rem(15)}; }
#feed { list-style: none; margin: 0; padding: 0; overflow-y: auto; flex: 1 1 0; min-height: 0; border-top: 1px solid var(--line); }
#feed li { padding: ${rem(4)} ${rem(4)} ${rem(5)} ${rem(8)}; border-bottom: 1px solid #e3e7ec; border-left: ${rem(5)} solid var(--line); cursor: pointer; font-size: ${rem(16)}; line-height: 1.3; }
#feed li:hover { background: var(--panel); }
#feed li:focus-visible { outline-offset: -3px; }
#feed li .when { display: block; font-size: ${rem(14)}; color: var(--muted); }
#feed li .run { font-weight: 700; margin-right: ${rem(4)}; }
#feed li .run.b { color: var(--run-b); }
#feed li.formed { border-left-color: ${LEVEL_COLORS[1]}; }
#feed li.joined { border-left-color: ${LEVEL_COLORS[0]}; }
#feed li.strengthened { border-left-color: ${LEVEL_COLORS[3]}; }
#feed li.weakened { border-left-color: #e6a700; }
#feed li.left { border-left-color: #f1a3a4; }
#feed li.dissolved { border-left-color: var(--broken); background: #fff4f4; }
#feed li.trust { border-left-color: ${KIND_COLORS[2]}; }
#feed li.dissolved:hover { background: #fde6e6; }
#feed li.picked { outline: 3px solid var(--ink); outline-offset: -3px; }
#feed li.empty { cursor: default; color: var(--muted); border-left-color: transparent; }

.charts { grid-area: charts; display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: ${rem(8)}; min-height: 0; }
.chart { margin: 0; display: flex; flex-direction: column; min-width: 0; min-height: 0; border: 1px solid var(--line); border-radius: ${rem(8)}; padding: 2px ${rem(4)} 0; }
.chart figcaption { font-size: ${rem(16)}; font-weight: 600; display: flex; flex-wrap: wrap; column-gap: 0.3em; }
.chart figcaption span { white-space: nowrap; }
.chart figcaption .values { display: inline-flex; gap: 0.3em; }
.chart figcaption .now { font-variant-numeric: tabular-nums; }
.chart figcaption .now-b { color: var(--run-b); font-variant-numeric: tabular-nums; }
.chart .plot { flex: 1 1 0; min-height: 0; position: relative; }
.chart canvas { position: absolute; inset: 0; width: 100%; height: 100%; display: block; }
.keys { font-size: ${rem(14)}; color: var(--muted); }
.keys kbd { font: inherit; border: 1px solid var(--line); border-radius: ${rem(4)}; padding: 0 ${rem(4)}; background: var(--panel); }
.error { color: var(--broken); font-weight: 600; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
${TEXT_SIZES.slice(1)
  .map((size) => `@media (min-width: ${size.minWidth}px) and (min-height: ${size.minHeight}px) { html { font-size: ${size.px}px; } }`)
  .join('\n')}
`;
