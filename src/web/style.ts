// The classroom page's style sheet, inlined into the page: projector first (large type, strong contrast,
// a visible focus ring), one screen at 1280x720 with no sideways scrolling, system fonts only.

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

/** Colours of run A's three line charts: active partnerships, participation, mean trust. None is purple: that is run B's. */
export const SERIES_COLORS = { active: '#0b57d0', participation: '#c25400', trust: '#00838f' } as const;

/** The style sheet. */
export const CLASSROOM_CSS = `
:root { color-scheme: light; --ink: ${COLORS.ink}; --muted: ${COLORS.muted}; --paper: ${COLORS.paper}; --panel: ${COLORS.panel};
  --line: ${COLORS.line}; --accent: ${COLORS.accent}; --focus: ${COLORS.focus}; --broken: ${COLORS.broken}; --run-b: ${COLORS.runB}; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html, body { margin: 0; height: 100%; }
body { font: 18px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink);
  background: var(--paper); overflow-x: hidden; }
#app { height: 100%; }
.noscript { padding: 2rem; font-size: 1.3rem; }
button, select, input { font: inherit; color: inherit; }
:focus-visible { outline: 3px solid var(--ink); outline-offset: 2px; box-shadow: 0 0 0 6px var(--focus); }
canvas:focus-visible { outline-offset: -3px; }

.cls { height: 100vh; min-height: 640px; display: grid; gap: 8px; padding: 0 8px 8px;
  grid-template-columns: 272px minmax(0, 1fr) 340px; grid-template-rows: auto minmax(0, 1fr) 172px;
  grid-template-areas: "bar bar bar" "levers view side" "levers charts charts"; }
.cls.whatif { grid-template-columns: 300px minmax(0, 1fr) 312px; }

.bar { grid-area: bar; display: flex; align-items: center; gap: 8px 10px; flex-wrap: wrap; padding: 7px 0 6px; font-size: 16.5px;
  border-bottom: 2px solid var(--line); }
.bar h1 { font-size: 20px; margin: 0 6px 0 0; white-space: nowrap; }
.bar h1 span { font-weight: 400; color: var(--muted); }
.bar label { display: inline-flex; align-items: center; gap: 6px; white-space: nowrap; }
.bar select { width: 178px; padding: 4px 4px; border: 2px solid var(--line); border-radius: 6px; background: var(--paper); }
#seed { width: 4.6em; padding: 4px 6px; border: 2px solid var(--line); border-radius: 6px; }
.bar .spacer { flex: 1 1 0; }
button { cursor: pointer; border-radius: 8px; border: 2px solid var(--ink); background: var(--paper); padding: 5px 12px;
  font-weight: 600; white-space: nowrap; }
button:hover { background: var(--panel); }
button:disabled { opacity: 0.45; cursor: default; }
#play { min-width: 6.1em; background: var(--accent); border-color: var(--accent); color: #fff; }
#play[aria-pressed="true"] { background: var(--ink); border-color: var(--ink); }
#whatif[aria-pressed="true"] { background: var(--run-b); border-color: var(--run-b); color: #fff; }
#speed { width: 90px; accent-color: var(--accent); }
#speed-value { min-width: 4.9em; font-variant-numeric: tabular-nums; }
#year { font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; padding: 4px 10px; border-radius: 8px;
  background: var(--panel); min-width: 10.4em; text-align: center; }

.levers { grid-area: levers; overflow-y: auto; overflow-x: hidden; padding-right: 4px; display: flex; flex-direction: column; }
.panel-head { display: flex; align-items: baseline; justify-content: space-between; gap: 8px; margin: 4px 0 2px; }
h2 { font-size: 18px; margin: 0; }
.panel-head button { font-size: 15px; padding: 2px 8px; font-weight: 500; border-width: 1px; }
.lever { padding: 2px 0 3px; border-bottom: 1px solid #e3e7ec; }
.lever label { display: flex; justify-content: space-between; gap: 6px; font-size: 17px; line-height: 20px; }
.lever .value { font-weight: 700; font-variant-numeric: tabular-nums; }
.lever .value-b { color: var(--run-b); }
.lever .set { color: var(--accent); font-weight: 700; }
.lever .sliders { display: flex; gap: 8px; }
.lever input[type=range] { flex: 1 1 0; min-width: 0; width: 100%; margin: 1px 0 0; accent-color: var(--accent); height: 19px; }
.lever input[data-run="B"] { accent-color: var(--run-b); }
.legend-kinds { margin-top: auto; padding-top: 4px; }
.legend-kinds h2 { font-size: 16px; }
.legend-kinds ul { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: 1fr 1fr; gap: 0 8px; font-size: 15px; line-height: 20px; }
.legend-kinds li, .legend-line span { display: inline-flex; align-items: center; gap: 5px; white-space: nowrap; }
.legend-kinds svg, .legend-line svg { flex: none; }

.views { grid-area: view; display: flex; flex-direction: column; min-height: 0; min-width: 0; position: relative; }
.notice { position: absolute; top: 34px; left: 50%; transform: translateX(-50%); width: min(36em, 92%); margin: 0; padding: 8px 12px;
  background: var(--paper); border: 2px solid var(--run-b); border-radius: 8px; box-shadow: 0 2px 10px rgba(0, 0, 0, 0.2); font-size: 16px; }
.view-row { flex: 1 1 0; min-height: 0; display: flex; gap: 8px; }
.view { flex: 1 1 0; min-width: 0; margin: 0; display: flex; flex-direction: column; border: 2px solid var(--line); border-radius: 8px; overflow: hidden; }
.view .canvas-box { flex: 1 1 0; min-height: 0; position: relative; }
.view canvas { position: absolute; inset: 0; display: block; width: 100%; height: 100%; }
.view .tag { font-weight: 700; font-size: 16px; padding: 1px 8px; border-bottom: 1px solid var(--line); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.view.b { border-color: var(--run-b); }
.view.b .tag { color: var(--run-b); }
.legend-line { display: flex; flex-wrap: wrap; gap: 2px 14px; font-size: 15px; color: var(--muted); padding: 4px 2px 0; }

.side { grid-area: side; display: flex; flex-direction: column; gap: 8px; min-height: 0; }
#details { flex: 0 1 auto; max-height: 62%; overflow-y: auto; background: var(--panel); border-radius: 8px; padding: 8px 10px;
  border: 2px solid transparent; }
#details.chosen { border-color: var(--ink); max-height: 74%; }
#details h2 { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; }
#details h3 { font-size: 16px; margin: 8px 0 2px; }
#details .hint { margin: 0; color: var(--muted); font-size: 16px; }
#details dl { display: grid; grid-template-columns: auto 1fr; gap: 1px 10px; margin: 4px 0; font-size: 16px; }
#details dt { color: var(--muted); }
#details dd { margin: 0; font-variant-numeric: tabular-nums; }
#details ul, #details ol { margin: 2px 0; padding-left: 1.1em; font-size: 16px; }
#details .close { font-size: 15px; padding: 0 8px; border-width: 1px; }
.link { border: 0; background: none; padding: 0; font-weight: 600; color: var(--accent); text-decoration: underline; border-radius: 3px; }
.link:hover { background: none; color: var(--ink); }
.bar-row { display: grid; grid-template-columns: 7.5em 1fr 3em; align-items: center; gap: 6px; font-size: 16px; }
.bar-row .track { height: 10px; background: #dde3ea; border-radius: 5px; overflow: hidden; }
.bar-row .fill { height: 100%; background: ${LEVEL_COLORS[2]}; }
.bar-row .num { text-align: right; font-variant-numeric: tabular-nums; }
.feed-panel { flex: 1 1 0; min-height: 120px; display: flex; flex-direction: column; }
.filters { display: flex; flex-wrap: wrap; gap: 4px; margin: 4px 0; }
.filters label { font-size: 14px; display: inline-flex; align-items: center; gap: 3px; padding: 1px 7px 1px 4px; border: 1px solid var(--line);
  border-radius: 12px; cursor: pointer; }
.filters input { margin: 0; width: 15px; height: 15px; }
#feed { list-style: none; margin: 0; padding: 0; overflow-y: auto; flex: 1 1 0; min-height: 0; border-top: 1px solid var(--line); }
#feed li { padding: 4px 4px 5px 8px; border-bottom: 1px solid #e3e7ec; border-left: 5px solid var(--line); cursor: pointer; font-size: 16px; line-height: 1.3; }
#feed li:hover { background: var(--panel); }
#feed li:focus-visible { outline-offset: -3px; }
#feed li .when { display: block; font-size: 14px; color: var(--muted); }
#feed li .run { font-weight: 700; margin-right: 4px; }
#feed li .run.b { color: var(--run-b); }
#feed li.formed { border-left-color: ${LEVEL_COLORS[1]}; }
#feed li.joined { border-left-color: ${LEVEL_COLORS[0]}; }
#feed li.strengthened { border-left-color: ${LEVEL_COLORS[3]}; }
#feed li.weakened { border-left-color: #e6a700; }
#feed li.left { border-left-color: #f1a3a4; }
#feed li.dissolved { border-left-color: var(--broken); background: #fff4f4; }
#feed li.dissolved:hover { background: #fde6e6; }
#feed li.picked { outline: 3px solid var(--ink); outline-offset: -3px; }
#feed li.empty { cursor: default; color: var(--muted); border-left-color: transparent; }

.charts { grid-area: charts; display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 8px; min-height: 0; }
.chart { margin: 0; display: flex; flex-direction: column; min-width: 0; min-height: 0; border: 1px solid var(--line); border-radius: 8px; padding: 2px 4px 0; }
.chart figcaption { font-size: 16px; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.chart figcaption .now { font-variant-numeric: tabular-nums; }
.chart figcaption .now-b { color: var(--run-b); font-variant-numeric: tabular-nums; }
.chart .plot { flex: 1 1 0; min-height: 0; position: relative; }
.chart canvas { position: absolute; inset: 0; width: 100%; height: 100%; display: block; }
.keys { font-size: 14px; color: var(--muted); }
.keys kbd { font: inherit; border: 1px solid var(--line); border-radius: 4px; padding: 0 4px; background: var(--panel); }
.error { color: var(--broken); font-weight: 600; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (min-width: 1600px) {
  .cls { grid-template-columns: 320px minmax(0, 1fr) 400px; grid-template-rows: auto minmax(0, 1fr) 220px; }
  .cls.whatif { grid-template-columns: 360px minmax(0, 1fr) 380px; }
}
`;
