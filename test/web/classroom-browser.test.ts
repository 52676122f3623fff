// The classroom end to end in real Chromium (Debian's, through playwright-core): the served page and the exported
// file load with no console errors and no request leaving localhost (but the model's worker, a blob: of the page's own
// script); play, the carrot slider and step change the charts and the event feed; the details panel forgets what the
// old runs showed; What if… says it starts run A again and keeps run B's purple to run B; it fits 1024x768, 1280x720
// and 1920x1080 with nothing cut, its text larger on the large screen and the feed still readable beside the details;
// the page's run, in its worker, gives the same metrics as `partnersim run`; and a large world is drawn while it starts
// and plays, with the same metrics too.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveClassroom, type ClassroomServer } from '../../src/cli/classroom.ts';
import { nodeHost } from '../../src/cli/node-host.ts';
import { runScenario } from '../../src/engine/run.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { classroomPage } from '../../src/cli/classroom-page.ts';
import { COLORS, KIND_COLORS, SERIES_COLORS } from '../../src/web/style.ts';
import { PAGE_WORDS, whatIfRestartWords } from '../../src/web/words.ts';
import { runCli, useTempDir } from '../cli/fixtures.ts';
import { chromiumAvailable, launchChromium, type LaunchedChromium } from '../report/browser.ts';

const up = chromiumAvailable();
if (!up.ok) console.warn(`SKIPPED: the classroom in a browser test (test/web/classroom-browser.test.ts): ${up.reason}`);

const tmp = useTempDir('classroom');
/** A large world (over 3,000 organisations) that starts in seconds. */
const LARGE = 'test/web/fixtures/large.yaml';
/** Where the test leaves its screenshot of the page (results/ is not tracked; docs/images/classroom.png is a copy). */
const SCREENSHOT = join('results', 'classroom.png');

interface Watched {
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
}

// A page at 1280x720 whose console errors, page errors and requests (from anything in the context) are recorded.
async function open(browser: LaunchedChromium, url: string): Promise<Watched> {
  const errors: string[] = [];
  const requests: string[] = [];
  browser.context.on('request', (request) => requests.push(request.url()));
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { partnersimClassroom?: { ready: boolean } }).partnersimClassroom?.ready === true);
  return { page, errors, requests };
}

const state = (page: Page) =>
  page.evaluate(() => {
    const c = (
      window as unknown as { partnersimClassroom: { step: number; playing: boolean; eventCount: number; timeseriesLength: number } }
    ).partnersimClassroom;
    return { step: c.step, playing: c.playing, events: c.eventCount, rows: c.timeseriesLength };
  });
/** Takes n steps (0: waits for the worker's news of everything asked before). */
const advance = (page: Page, n: number) =>
  page.evaluate(
    (steps) => (window as unknown as { partnersimClassroom: { advance(n: number): Promise<void> } }).partnersimClassroom.advance(steps),
    n,
  );
/** A feed entry about a partnership (not a leader's move or a trust's change). */
const PARTNERSHIP_ENTRY = '#feed li:not(.trust):not(.leader-moved)';
const canvasData = (page: Page, id: string) =>
  page.evaluate((selector) => (document.querySelector(selector) as HTMLCanvasElement).toDataURL(), `#${id}`);

describe('the classroom in Chromium', { timeout: 180_000 }, () => {
  let server: ClassroomServer | undefined;
  let browser: LaunchedChromium | undefined;
  let html = '';
  beforeAll(async () => {
    if (!up.ok) return;
    html = await classroomPage();
    server = await serveClassroom(html, 0);
    // Online, for the served page; the test checks that every request stays on localhost.
    browser = await launchChromium({ offline: false });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.skipIf(!up.ok)(
    'serves a page that plays, takes the carrot slider and steps, changing the charts and the feed, all on localhost',
    async () => {
      const { page, errors, requests } = await open(browser!, server!.url);
      const before = {
        state: await state(page),
        chart: await canvasData(page, 'chart-active'),
        feed: await page.locator('#feed li').count(),
      };
      expect(before.state).toMatchObject({ step: 0, playing: false });

      await page.keyboard.press('Space');
      await page.waitForFunction(
        () => (window as unknown as { partnersimClassroom: { step: number } }).partnersimClassroom.step >= 12,
        undefined,
        { timeout: 30_000 },
      );
      await page.click('#play');
      expect((await state(page)).playing).toBe(false);
      await advance(page, 0);
      const played = await state(page);
      expect(played.playing).toBe(false);

      const carrot = page.locator('input[data-lever="policy.carrot"]');
      expect(await carrot.getAttribute('title')).toMatch(/fund|carrot|incentive/i);
      await carrot.fill('0.9');
      await carrot.dispatchEvent('change');
      await page.click('#step');
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(
        (step) => (window as unknown as { partnersimClassroom: { step: number } }).partnersimClassroom.step === step,
        played.step + 2,
      );
      await page.waitForTimeout(150);
      const stepped = await state(page);
      expect(stepped.step).toBe(played.step + 2);
      expect(stepped.rows).toBe(stepped.step);
      expect(await canvasData(page, 'chart-active')).not.toBe(before.chart);
      expect(await page.locator('#feed li').count()).toBeGreaterThan(before.feed);
      expect(await page.locator('#year').innerText()).toMatch(/\d/);

      mkdirSync('results', { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
      expect(errors).toEqual([]);
      // The model's worker comes from a blob: of the page's own script; nothing else leaves the page.
      expect(requests.every((url) => url.startsWith(server!.url) || url.startsWith(`blob:${new URL(server!.url).origin}/`))).toBe(true);
      await page.close();
    },
  );

  it.skipIf(!up.ok)('shows what was clicked in the feed, and splits into a what-if view', async () => {
    const { page, errors } = await open(browser!, server!.url);
    await page.evaluate(() => (window as unknown as { partnersimClassroom: { runToEnd(): Promise<void> } }).partnersimClassroom.runToEnd());
    await page.locator('#feed li').first().click();
    expect((await page.locator('#details').innerText()).length).toBeGreaterThan(20);
    await page.click('#whatif');
    expect(await page.locator('input[data-lever="policy.carrot"]').count()).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.skipIf(!up.ok)('outlines a trust’s members in their trust’s colour, and tells in the feed of a school joining a trust', async () => {
    const { page, errors } = await open(browser!, server!.url);
    await page.selectOption('#preset', { label: 'fragmentation' });
    await advance(page, 48);
    await page.waitForTimeout(300);
    // Each member's trust and colour, and how many pixels of that colour are drawn about it.
    const members = await page.evaluate(() => {
      type Api = {
        nodeCenter(org: number): { x: number; y: number } | null;
        trustOf(org: number): { name: string; colour: string } | null;
      };
      const c = (window as unknown as { partnersimClassroom: Api }).partnersimClassroom;
      const canvas = document.querySelector('#network') as HTMLCanvasElement;
      const box = canvas.getBoundingClientRect();
      const scale = canvas.width / box.width;
      const data = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height).data;
      const found: { name: string; colour: string; pixels: number }[] = [];
      for (let org = 0; c.nodeCenter(org) !== null; org++) {
        const trust = c.trustOf(org);
        const at = c.nodeCenter(org);
        if (!trust || !at) continue;
        const rgb = [1, 3, 5].map((k) => Number.parseInt(trust.colour.slice(k, k + 2), 16));
        const cx = Math.round((at.x - box.left) * scale);
        const cy = Math.round((at.y - box.top) * scale);
        let pixels = 0;
        for (let y = cy - 9; y <= cy + 9; y++)
          for (let x = cx - 9; x <= cx + 9; x++) {
            const k = (y * canvas.width + x) * 4;
            if (Math.abs(data[k] - rgb[0]) + Math.abs(data[k + 1] - rgb[1]) + Math.abs(data[k + 2] - rgb[2]) < 40) pixels++;
          }
        found.push({ ...trust, pixels });
      }
      return found;
    });
    expect(members.length).toBeGreaterThan(10);
    // One colour to a trust, more than one colour in all, and the outline drawn about (nearly) every member.
    const colourOf = new Map<string, string>();
    for (const m of members) expect(colourOf.set(m.name, colourOf.get(m.name) ?? m.colour).get(m.name)).toBe(m.colour);
    expect(new Set(colourOf.values()).size).toBeGreaterThan(1);
    expect(members.filter((m) => m.pixels >= 4).length).toBeGreaterThanOrEqual(0.9 * members.length);

    // The feed tells of a school joining a trust in plain words; choosing the entry shows the school, in its trust.
    const entry = page.locator('#feed li.trust', { hasText: /(became an academy in|joined) / }).first();
    expect(await entry.innerText()).toMatch(
      /^Year \d+, month \d+\n(School|Academy) \d+ (became an academy in|joined) Trust \d+, a trust (of its own area|based in Area \d)$/,
    );
    const school = (await entry.innerText()).split('\n')[1].match(/^(School|Academy) \d+/)?.[0];
    await entry.click();
    expect(await page.locator('#details h2 span').innerText()).toBe(school);
    expect(await page.locator('#details').innerText()).toMatch(/Trust\s+Trust \d+: \d+ schools, based in/);
    // The legend says what the outline and the dot mean.
    expect(await page.locator('.legend-kinds').innerText()).toContain(PAGE_WORDS.inTrust);
    expect(await page.locator('.legend-kinds').innerText()).toContain(PAGE_WORDS.trustElsewhere);
    expect(await page.locator('.legend-kinds').innerText()).not.toMatch(/non-local/i);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.skipIf(!up.ok)('forgets a partnership shown in the details when Reset or another preset starts the runs again', async () => {
    const { page, errors } = await open(browser!, server!.url);
    const details = page.locator('#details');
    for (const restart of [() => page.click('#reset'), () => page.selectOption('#preset', { label: 'sticks' })]) {
      await advance(page, 36);
      await page.locator(PARTNERSHIP_ENTRY).first().click();
      await expect.poll(() => details.locator('h2').innerText()).toMatch(/^Partnership \d+/);
      await restart();
      await advance(page, 0);
      expect((await state(page)).step).toBe(0);
      expect(await details.getAttribute('class')).not.toContain('chosen');
      expect(await details.locator('h2').innerText()).toBe(PAGE_WORDS.details);
      expect(await details.locator('.hint').innerText()).toBe(PAGE_WORDS.detailsHint);
      expect(await page.locator('#feed li.picked').count()).toBe(0);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it.skipIf(!up.ok)('says that What if… starts run A again, and draws run A in its own colours beside run B', async () => {
    const { page, errors } = await open(browser!, server!.url);
    const notice = page.locator('#notice');
    await advance(page, 30);
    const clock = await page.locator('#year').innerText();
    const seed = await page.evaluate(() => (window as unknown as { partnersimClassroom: { seed: number } }).partnersimClassroom.seed);
    expect(await notice.isVisible()).toBe(false);
    await page.click('#whatif');
    await notice.waitFor({ state: 'visible' });
    expect((await state(page)).step).toBe(0);
    expect(await notice.innerText()).toBe(whatIfRestartWords(clock, seed));
    // Moving run B's lever before the first step keeps the note; the first step hides it.
    await page.evaluate(() =>
      (
        window as unknown as { partnersimClassroom: { setLever(k: string, v: number, r: string): Promise<void> } }
      ).partnersimClassroom.setLever('policy.carrot', 0.9, 'B'),
    );
    expect(await notice.isVisible()).toBe(true);
    await advance(page, 30);
    expect(await notice.isVisible()).toBe(false);
    // Run A's mean trust is drawn in the chart's own colour, not in run B's purple.
    await page.waitForTimeout(200);
    const pixels = await page.evaluate(
      ([a, b]) => {
        const canvas = document.querySelector('#chart-trust') as HTMLCanvasElement;
        const data = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height).data;
        const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
        const near = (k: number, [r, g, bl]: number[]) =>
          Math.abs(data[k] - r) + Math.abs(data[k + 1] - g) + Math.abs(data[k + 2] - bl) < 24;
        let own = 0;
        let purple = 0;
        for (let k = 0; k < data.length; k += 4) {
          if (near(k, rgb(a))) own++;
          else if (near(k, rgb(b))) purple++;
        }
        return { own, purple };
      },
      [SERIES_COLORS.trust, COLORS.runB],
    );
    expect(pixels.own).toBeGreaterThan(50);
    expect(pixels.purple).toBeGreaterThan(50);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.skipIf(!up.ok)(
    'fits 1024x768, 1280x720 and 1920x1080 with nothing cut, grows its text on the large screen, and leaves the feed room beside the details',
    async () => {
      const { page, errors } = await open(browser!, server!.url);
      await advance(page, 60);
      // What overflows the window, and which captions, tags and toolbar texts are cut.
      const cut = () =>
        page.evaluate(() => {
          const root = document.documentElement;
          const found: string[] = [];
          if (root.scrollWidth > innerWidth || root.scrollHeight > innerHeight) found.push(`page ${root.scrollWidth}x${root.scrollHeight}`);
          for (const e of Array.from(
            document.querySelectorAll<HTMLElement>('.chart figcaption, .view .tag, #year, .bar button, .lever label'),
          )) {
            if (e.offsetParent !== null && e.scrollWidth > e.clientWidth + 0.5)
              found.push(`${e.className || e.id || e.tagName}: ${e.innerText}`);
          }
          return found;
        });
      const fontPx = () => page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
      const sizes: Record<string, number> = {};
      for (const [width, height] of [
        [1024, 768],
        [1280, 720],
        [1920, 1080],
      ]) {
        await page.setViewportSize({ width, height });
        await page.waitForTimeout(150);
        expect(await cut(), `${width}x${height}`).toEqual([]);
        await page.click('#whatif');
        await advance(page, 60);
        // The captions carry run B's values once the charts are drawn.
        await page.waitForFunction(() => (document.querySelector('.now-b') as HTMLElement).textContent !== '');
        expect(await cut(), `${width}x${height}, what if`).toEqual([]);
        await page.click('#whatif');
        sizes[`${width}x${height}`] = await fontPx();
      }
      expect(sizes['1920x1080']).toBeGreaterThanOrEqual(1.2 * sizes['1280x720']);

      // At 1280x720 with a partnership's details open, three events of the feed still show whole.
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.locator(PARTNERSHIP_ENTRY).first().click();
      await expect.poll(() => page.locator('#details').getAttribute('class')).toContain('chosen');
      const whole = await page.evaluate(() => {
        // The entry clicked may lie below a few of no partnership (trusts, leaders): the feed scrolled to it; back to the top.
        (document.querySelector('#feed') as HTMLElement).scrollTop = 0;
        const feed = (document.querySelector('#feed') as HTMLElement).getBoundingClientRect();
        return Array.from(document.querySelectorAll('#feed li')).filter((li) => {
          const box = li.getBoundingClientRect();
          return box.top >= feed.top - 0.5 && box.bottom <= feed.bottom + 0.5;
        }).length;
      });
      expect(whole).toBeGreaterThanOrEqual(3);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it.skipIf(!up.ok)('gives the same metrics as partnersim run for the scenario and seed', async () => {
    const { page } = await open(browser!, server!.url);
    const inPage = await page.evaluate(async () => {
      const c = (window as unknown as { partnersimClassroom: { runToEnd(): Promise<void>; metrics(): Promise<unknown> } })
        .partnersimClassroom;
      await c.runToEnd();
      return c.metrics();
    });
    const inNode = runScenario(loadScenario('scenarios/baseline.yaml', nodeHost)).metrics;
    expect(inPage).toEqual(JSON.parse(JSON.stringify(inNode)));
    await page.close();
  });

  it.skipIf(!up.ok)(
    'draws a large world from its worker: the clock counts while it starts, and it plays, with the numbers of partnersim run',
    async () => {
      const large = await serveClassroom(classroomPage(LARGE), 0);
      const page = await browser!.context.newPage();
      await page.setViewportSize({ width: 1280, height: 720 });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      try {
        await page.goto(large.url, { waitUntil: 'load' });
        // While the worker builds the world and burns it in, the page draws and says so, and how far the burn-in has gone.
        await expect
          .poll(() => page.locator('#year').innerText(), { timeout: 30_000 })
          .toMatch(/^Starting large: burn-in, year \d+ of \d+… \d+ s$/);
        const frames = () =>
          page.evaluate(() => (window as unknown as { partnersimClassroom: { frames: number } }).partnersimClassroom.frames);
        const before = await frames();
        await page.waitForTimeout(500);
        expect(await frames()).toBeGreaterThan(before + 5);
        await page.waitForFunction(
          () => (window as unknown as { partnersimClassroom?: { ready: boolean } }).partnersimClassroom?.ready === true,
          undefined,
          { timeout: 120_000 },
        );
        await page.keyboard.press('Space');
        await page.waitForFunction(() => (window as unknown as { partnersimClassroom: { step: number } }).partnersimClassroom.step >= 3);
        await page.click('#play');
        await page.waitForTimeout(1200);
        // The organisations are drawn: the schools' colour is on the network.
        const schools = await page.evaluate((colour) => {
          const canvas = document.querySelector('#network') as HTMLCanvasElement;
          const data = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height).data;
          const rgb = [1, 3, 5].map((k) => Number.parseInt(colour.slice(k, k + 2), 16));
          let found = 0;
          for (let k = 0; k < data.length; k += 4)
            if (Math.abs(data[k] - rgb[0]) + Math.abs(data[k + 1] - rgb[1]) + Math.abs(data[k + 2] - rgb[2]) < 30) found++;
          return found;
        }, KIND_COLORS[0]);
        expect(schools).toBeGreaterThan(1000);
        const inPage = await page.evaluate(async () => {
          const c = (window as unknown as { partnersimClassroom: { runToEnd(): Promise<void>; metrics(): Promise<unknown> } })
            .partnersimClassroom;
          await c.runToEnd();
          return c.metrics();
        });
        expect(inPage).toEqual(JSON.parse(JSON.stringify(runScenario(loadScenario(LARGE, nodeHost)).metrics)));
        expect(errors).toEqual([]);
      } finally {
        await page.close();
        await large.close();
      }
    },
  );

  it.skipIf(!up.ok)('exports one file that opens offline, with no request but itself, and runs', async () => {
    const file = tmp.path('classroom.html');
    const result = await runCli(['classroom', '--export', file]);
    expect(result.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(html);
    const url = pathToFileURL(file).href;
    const { page, errors, requests } = await open(browser!, url);
    await page.click('#step');
    await page.waitForFunction(() => (window as unknown as { partnersimClassroom: { step: number } }).partnersimClassroom.step === 1);
    expect(errors).toEqual([]);
    expect(requests.filter((r) => !r.startsWith('blob:null/'))).toEqual([url]);
    await page.close();
  });
});
