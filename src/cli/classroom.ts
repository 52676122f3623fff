// `partnersim serve [SCENARIO]` serves the classroom page on localhost; `partnersim classroom --export FILE.html`
// writes the same page as one file that opens from a USB stick with no Node at all. The model runs in the page.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PartnersimError } from '../errors.ts';
import {
  badPort,
  classroomExported,
  classroomServing,
  classroomStopped,
  openerExited,
  openerMissing,
  openFailed,
  openNoDisplay,
  portInUse,
} from './messages.ts';
import { loadScenario } from '../scenario/load.ts';
import { writeOutputFile } from '../results/write.ts';
import { classroomPage } from './classroom-page.ts';
import type { Deps, Io } from './main.ts';
import { nodeHost } from './node-host.ts';
import { DEFAULT_PORT } from './commands.ts';

/** A running classroom server: its address, and `close` to stop it. */
export interface ClassroomServer {
  readonly url: string;
  close(): Promise<void>;
}

// The names this server answers to. A page elsewhere that rebinds its own domain to 127.0.0.1 (DNS rebinding) sends
// its domain as the Host: refusing it keeps that page from reading the served scenarios.
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/** Serves a page at / on localhost (127.0.0.1) and resolves once it listens; port 0 takes any free port. A request whose
 * Host is not localhost, 127.0.0.1 or [::1] is refused (403); anything but GET / is 404: the page needs nothing else.
 * `close` stops at once, cutting off a client still sending its request. */
export function serveClassroom(html: string, port: number): Promise<ClassroomServer> {
  const server: Server = createServer((request, response) => {
    if (!LOCAL_HOST.test(request.headers.host ?? '')) {
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('forbidden: the classroom answers only to localhost, 127.0.0.1 or [::1]\n');
    } else if (request.method === 'GET' && (request.url === '/' || request.url === '/index.html')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(html);
    } else {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('not found: the classroom page is at /\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PartnersimError('bad-option', portInUse(port)) : error),
    );
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      const close = () =>
        new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
      resolve({ url: `http://localhost:${actual}/`, close });
    });
  });
}

/** `partnersim serve [SCENARIO]`: serves the page until interrupted (Ctrl-C), opening it in the default browser with --open. */
export async function serveCommand(
  scenario: string | undefined,
  options: { port?: string; open?: boolean },
  io: Io,
  deps: Deps,
): Promise<void> {
  const port = options.port === undefined ? DEFAULT_PORT : parsePort(options.port);
  if (scenario !== undefined) loadScenario(scenario, nodeHost);
  const server = await serveClassroom(classroomPage(scenario), port);
  const stopped = new Promise<void>((resolve) => process.once('SIGINT', resolve));
  io.out(classroomServing(server.url) + '\n');
  if (options.open === true) {
    const failure = await openInBrowser(server.url, process.platform, deps.env);
    if (failure !== null) io.err(openFailed(server.url, failure) + '\n');
  }
  await stopped;
  await server.close();
  io.out(classroomStopped() + '\n');
}

/** Returns a --port value: a whole number from 0 (any free port) to 65535; throws a PartnersimError otherwise. */
export function parsePort(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 65535) throw new PartnersimError('bad-option', badPort(text));
  return Number(text);
}

/** `partnersim classroom --export FILE [SCENARIO]`: writes the page as one file. */
export function exportClassroomCommand(scenario: string | undefined, options: { export: string }, io: Io): void {
  if (scenario !== undefined) loadScenario(scenario, nodeHost);
  writeOutputFile(options.export, classroomPage(scenario));
  io.out(classroomExported(options.export) + '\n');
}

/** How long `serve --open` waits to hear that the platform's opener failed: xdg-open, open and start return within a
 * second or so once the browser has the page; one still running after this is taken to be showing it. */
export const OPENER_WAIT_MS = 5000;

/** Opens a URL in the default browser with the platform's opener (open on macOS, start on Windows, xdg-open elsewhere, which
 * needs a graphical display); resolves to null when it did (or is still at it after `wait` ms), or to the reason it could not. */
export function openInBrowser(
  url: string,
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  wait = OPENER_WAIT_MS,
): Promise<string | null> {
  const [command, ...args] =
    platform === 'darwin' ? ['open', url] : platform === 'win32' ? ['cmd', '/c', 'start', '', url] : ['xdg-open', url];
  // Without a display xdg-open falls back to a text browser in a terminal that partnersim does not give it.
  if (platform !== 'darwin' && platform !== 'win32' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return Promise.resolve(openNoDisplay());
  return new Promise((resolve) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', env: env as NodeJS.ProcessEnv });
    const timer = setTimeout(() => resolve(null), wait);
    const settle = (reason: string | null) => {
      clearTimeout(timer);
      resolve(reason);
    };
    child.once('error', (error: NodeJS.ErrnoException) => settle(error.code === 'ENOENT' ? openerMissing(command) : error.message));
    child.once('exit', (status, signal) => settle(status === 0 ? null : openerExited(command, status, signal)));
    child.unref();
  });
}
