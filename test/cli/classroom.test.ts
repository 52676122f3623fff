// partnersim serve and partnersim classroom --export: the command line around the classroom page. `serve` prints
// its address, serves the page at / (404 elsewhere) to localhost hosts only, and stops on Ctrl-C at once, whatever a
// client is doing; a port in use is refused with a fix; --open says
// when it cannot open a browser (no display, or an opener that finds none); --export will not write over a named pipe.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs';
import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as cliMessage from '../../src/cli/messages.ts';
import { outputNotAFile } from '../../src/results/messages.ts';
import * as scenarioMessage from '../../src/scenario/messages.ts';
import { scenarioChainTexts } from '../../src/cli/classroom-page.ts';
import { serveClassroom } from '../../src/cli/classroom.ts';
import { BIN, runCli, useTempDir } from './fixtures.ts';

const tmp = useTempDir('classroom-cli', {
  'mine/north.yaml': 'extends: ../common/base.yaml\nname: north\n',
  'common/base.yaml': 'extends: ../root.yaml\ntime: {steps: 24}\n',
  'root.yaml': 'name: root\n',
});

describe('partnersim serve', { timeout: 60_000 }, () => {
  it('prints its address, serves the page at / and 404 elsewhere, and stops on Ctrl-C', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    while (!/http:\/\/localhost:\d+\//.test(out) && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    const url = /http:\/\/localhost:\d+\//.exec(out)![0];
    expect(out).toBe(cliMessage.classroomServing(url) + '\n');
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('PARTNERSIM_CLASSROOM');
    expect((await fetch(`${url}favicon.ico`)).status).toBe(404);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out.endsWith(cliMessage.classroomStopped() + '\n')).toBe(true);
  });

  it('refuses a port in use, saying how to choose another', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', () => done()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await runCli(['serve', '--port', String(port)]);
      expect(result).toEqual({ code: 2, out: '', err: cliMessage.errorLine(cliMessage.portInUse(port)) + '\n' });
    } finally {
      blocker.close();
    }
  });

  it('answers only to localhost hosts, so a rebound domain cannot read the page', async () => {
    const server = await serveClassroom('<p>page</p>', 0);
    try {
      const { port } = new URL(server.url);
      const get = (host: string) =>
        new Promise<number>((done, fail) => {
          request({ host: '127.0.0.1', port, path: '/', headers: { host } }, (response) => {
            response.resume();
            done(response.statusCode ?? 0);
          })
            .on('error', fail)
            .end();
        });
      expect(await get('evil.example')).toBe(403);
      expect(await get(`evil.example:${port}`)).toBe(403);
      expect(await get(`localhost.evil.example:${port}`)).toBe(403);
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'LOCALHOST']) expect(await get(host), host).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('stops at once on close, though a client is still sending its request', async () => {
    const server = await serveClassroom('<p>page</p>', 0);
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    await new Promise<void>((done) => socket.once('connect', () => done()));
    socket.on('error', () => {});
    socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n'); // the headers never end
    await new Promise((done) => setTimeout(done, 100));
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(2000);
    socket.destroy();
  });

  it('checks the scenario before serving it', async () => {
    const result = await runCli(['serve', tmp.path('missing.yaml')]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(cliMessage.errorLine(scenarioMessage.fileMissing(tmp.path('missing.yaml'))) + '\n');
  });
});

/** Runs `partnersim serve --port 0 --open` with this environment until it has served the page and, within `settle` ms of
 * that, written to stderr (or not); then stops it with Ctrl-C. Returns the page's address and what went to stderr. */
async function serveOpen(env: NodeJS.ProcessEnv, settle: () => boolean): Promise<{ url: string; err: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--open'], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const until = async (done: () => boolean) => {
    for (let waited = 0; !done() && child.exitCode === null && waited < 20_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  };
  await until(() => /http:\/\/localhost:\d+\//.test(out));
  await until(() => err !== '' || settle());
  await new Promise((r) => setTimeout(r, 300));
  child.kill('SIGINT');
  expect(await exited).toBe(0);
  return { url: /http:\/\/localhost:\d+\//.exec(out)![0], err };
}

describe.skipIf(process.platform !== 'linux')('partnersim serve --open', { timeout: 60_000 }, () => {
  const bin = useTempDir('classroom-opener', {
    'fails/xdg-open': '#!/bin/sh\nexit 3\n',
    'opens/xdg-open': '#!/bin/sh\necho "$1" > "$(dirname "$0")/opened"\n',
  });
  const withOpener = (dir: string, display: string | undefined): NodeJS.ProcessEnv => {
    for (const name of ['fails/xdg-open', 'opens/xdg-open']) chmodSync(bin.path(name), 0o755);
    const { DISPLAY: _d, WAYLAND_DISPLAY: _w, ...rest } = process.env;
    return { ...rest, PATH: `${bin.path(dir)}:${process.env.PATH}`, ...(display === undefined ? {} : { DISPLAY: display }) };
  };

  it('says when the opener finds no browser, and goes on serving', async () => {
    const { url, err } = await serveOpen(withOpener('fails', ':99'), () => false);
    expect(err).toBe(cliMessage.openFailed(url, cliMessage.openerExited('xdg-open', 3, null)) + '\n');
  });

  it('says when there is no display to open a browser on', async () => {
    const { url, err } = await serveOpen(withOpener('opens', undefined), () => false);
    expect(err).toBe(cliMessage.openFailed(url, cliMessage.openNoDisplay()) + '\n');
    expect(existsSync(bin.path('opens/opened'))).toBe(false);
  });

  it('opens the page with xdg-open, saying nothing more, when it succeeds', async () => {
    const { url, err } = await serveOpen(withOpener('opens', ':99'), () => existsSync(bin.path('opens/opened')));
    expect(err).toBe('');
    expect(readFileSync(bin.path('opens/opened'), 'utf8')).toBe(`${url}\n`);
  });
});

describe('the scenarios a page embeds', () => {
  it('are a scenario and every file its extends chain names, keyed as the page resolves them', () => {
    const texts = scenarioChainTexts(tmp.path('mine/north.yaml'));
    expect(Object.keys(texts).sort()).toEqual([tmp.path('mine/north.yaml'), tmp.path('root.yaml'), tmp.path('common/base.yaml')].sort());
    expect(texts[join(tmp.root, 'root.yaml')]).toBe('name: root\n');
  });
});

describe('partnersim classroom --export', { timeout: 60_000 }, () => {
  it('writes the page with a scenario of the user’s own as the one it starts with', async () => {
    const file = tmp.path('page.html');
    const result = await runCli(['classroom', '--export', file, tmp.path('mine/north.yaml')]);
    expect(result).toEqual({ code: 0, out: cliMessage.classroomExported(file) + '\n', err: '' });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(JSON.stringify(tmp.path('mine/north.yaml')));
    expect(text.startsWith('<!DOCTYPE html>') || text.startsWith('<!doctype html>')).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('will not write over a named pipe, or a link to one, which it leaves as they were', async () => {
    const fifo = tmp.path('page.fifo');
    execFileSync('mkfifo', [fifo]);
    const link = tmp.path('page-link.html');
    symlinkSync(fifo, link);
    for (const out of [fifo, link]) {
      const result = await runCli(['classroom', '--export', out]);
      expect(result).toEqual({ code: 2, out: '', err: `${cliMessage.errorLine(outputNotAFile(out, 'fifo'))}\n` });
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readlinkSync(link)).toBe(fifo);
  });
});
