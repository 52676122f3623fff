// The classroom page's entry: reads the scenarios embedded in the page (window.PARTNERSIM_CLASSROOM), builds the
// page into #app (or the body) and exposes window.partnersimClassroom for tests.
import './jitless.ts';
import { ClassroomApp, type ClassroomApi } from './app.ts';
import { loadPresets, type ClassroomData } from './classroom.ts';
import { el } from './dom.ts';

declare global {
  interface Window {
    PARTNERSIM_CLASSROOM?: ClassroomData;
    partnersimClassroom?: ClassroomApi;
  }
}

/** Builds the page from the embedded data; shows what went wrong instead when no scenario loads. */
export function startClassroom(): void {
  const host = document.getElementById('app') ?? document.body;
  const data = window.PARTNERSIM_CLASSROOM;
  if (!data || typeof data !== 'object' || !data.scenarios) {
    host.replaceChildren(
      el('p', { class: 'error noscript' }, 'No scenarios were embedded in this page: build it with partnersim classroom --export.'),
    );
    return;
  }
  const { presets, failures } = loadPresets(data);
  if (presets.length === 0) {
    host.replaceChildren(
      el(
        'div',
        { class: 'noscript' },
        el('p', { class: 'error' }, 'No scenario could be loaded:'),
        ...failures.map((f) => el('p', {}, f.message)),
      ),
    );
    return;
  }
  // A shipped scenario that fails to load is left out; the initial one failing is said, and the first that loads is run.
  const problems = failures.filter((f) => f.path === data.initial).map((f) => f.message);
  const app = new ClassroomApp(host, presets, problems);
  window.partnersimClassroom = app.api();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startClassroom);
else startClassroom();
