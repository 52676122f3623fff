// The classroom page's entry, and its model's: in the page it reads the scenarios embedded in the page
// (window.PARTNERSIM_CLASSROOM), starts the model's worker from this very script (a Blob of its text, so that the
// exported single file needs nothing else), builds the page into #app (or the body) and exposes
// window.partnersimClassroom for tests. In the worker (no document) it serves the page's commands (model-worker.ts).
import './jitless.ts';
import { ClassroomApp, type ClassroomApi } from './app.ts';
import { loadPresets, type ClassroomData } from './classroom.ts';
import { el } from './dom.ts';
import type { WorkerPort } from './model-client.ts';
import { ModelWorker } from './model-worker.ts';
import type { Command } from './protocol.ts';

declare global {
  interface Window {
    PARTNERSIM_CLASSROOM?: ClassroomData;
    partnersimClassroom?: ClassroomApi;
  }
}

/** Builds the page from the embedded data, its model in a worker made from `script` (this bundle's text); shows what
 * went wrong instead when no scenario loads. */
export function startClassroom(script: string): void {
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
  const worker = new Worker(URL.createObjectURL(new Blob([script], { type: 'text/javascript' })));
  const app = new ClassroomApp(host, presets, problems, worker as unknown as WorkerPort);
  window.partnersimClassroom = app.api();
  worker.postMessage({ kind: 'open', data } satisfies Command);
}

/** Serves the page's commands in the worker. */
function serveModel(): void {
  const scope = self as unknown as {
    postMessage(message: unknown, transfer: Transferable[]): void;
    onmessage: ((event: MessageEvent<Command>) => void) | null;
  };
  const worker = new ModelWorker(
    (report, transfer) => scope.postMessage(report, transfer),
    (callback, ms) => setTimeout(callback, ms),
    () => performance.now(),
  );
  scope.onmessage = (event) => worker.handle(event.data);
}

if (typeof document === 'undefined') serveModel();
else {
  // This script's own text, while it runs (the page inlines the bundle): the worker runs the same bundle.
  const script = document.currentScript?.textContent ?? '';
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => startClassroom(script));
  else startClassroom(script);
}
