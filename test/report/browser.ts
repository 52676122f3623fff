// Helpers for the tests that open report.html in a real browser: Debian's Chromium (apt-get install chromium, as .ci/run
// does) driven by playwright-core, headless, with a fresh profile and the browser's own background traffic turned off.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Where Debian's chromium package puts the browser (a launcher script that runs /usr/lib/chromium/chromium). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The flags Chromium runs with: headless, no sandbox (tests run as root in containers), and nothing fetched on its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** Whether Chromium is installed and answers `--version` within 20 s; the reason when not, to print beside a skipped test. */
export function chromiumAvailable(): { ok: true; version: string } | { ok: false; reason: string } {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch {
    return {
      ok: false,
      reason: `no Chromium at ${CHROMIUM_PATH}: install Debian's chromium package (apt-get install chromium; .ci/run does)`,
    };
  }
  const r = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) return { ok: false, reason: `${CHROMIUM_PATH} --version failed: ${r.error.message}` };
  if (r.status !== 0) return { ok: false, reason: `${CHROMIUM_PATH} --version exited ${r.status ?? r.signal}: ${r.stderr.trim()}` };
  return { ok: true, version: r.stdout.trim() };
}

/** A running headless Chromium: its one browser context, and `close` to stop it and delete its profile. */
export interface LaunchedChromium {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Starts headless Chromium with {@link CHROMIUM_ARGS} and an empty temporary profile (user-data dir); `offline`
 * (the default) blocks every network request, localhost's too: pass false to load a page served on localhost. */
export async function launchChromium({ offline = true }: { readonly offline?: boolean } = {}): Promise<LaunchedChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'partnersim-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS],
      offline,
      timeout: 60_000,
    });
    return {
      context,
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
