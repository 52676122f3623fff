// The classroom benchmark (`npm run bench:classroom`): frames drawn per second by the page in headless Chromium at
// 1280x720 while the baseline plays at the default and at top speed, alone and in the what-if split, and the steps
// simulated meanwhile.
import { chromium } from 'playwright-core';
import { serveClassroom } from '../src/cli/classroom.ts';
import { classroomPage } from '../src/cli/classroom-page.ts';

// Short enough that the baseline (120 steps) is still running at the end at top speed.
const SECONDS = 3;

type Classroom = { frames: number; step: number };

async function main(): Promise<void> {
  const server = await serveClassroom(classroomPage(), 0);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(server.url);
    await page.waitForFunction(
      () => (window as unknown as { partnersimClassroom?: { ready: boolean } }).partnersimClassroom?.ready === true,
    );
    const topSpeed = () =>
      page.evaluate(() => {
        const speed = document.querySelector('#speed') as HTMLInputElement;
        speed.value = speed.max;
        speed.dispatchEvent(new Event('input', { bubbles: true }));
      });
    const measure = async (label: string) => {
      const read = () =>
        page.evaluate(() => {
          const c = (window as unknown as { partnersimClassroom: Classroom }).partnersimClassroom;
          return { frames: c.frames, step: c.step, time: performance.now() };
        });
      await page.click('#reset');
      await page.click('#play');
      const start = await read();
      await page.waitForTimeout(SECONDS * 1000);
      const end = await read();
      await page.click('#play');
      const seconds = (end.time - start.time) / 1000;
      console.log(
        `${label.padEnd(22)} ${((end.frames - start.frames) / seconds).toFixed(1).padStart(6)} frames/s  ${((end.step - start.step) / seconds).toFixed(1).padStart(6)} steps/s`,
      );
    };
    console.log(
      `classroom in headless Chromium (${await browser.version()}), 1280x720, the baseline, ${SECONDS} s each (target: at least 30 frames/s)`,
    );
    await measure('default speed');
    await topSpeed();
    await measure('top speed');
    await page.click('#whatif');
    await measure('top speed, what-if');
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
