// Building the classroom page in Node: the browser code bundled by esbuild into one script, and the scenario files
// it offers (the shipped ones, and the one asked for with the files it extends) embedded, in one self-contained HTML
// text that `partnersim serve` serves and `partnersim classroom --export` writes.
import { readdirSync, readFileSync } from 'node:fs';
import { posix as posixPath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { nodeHost } from './node-host.ts';
import { parseScenarioText } from '../scenario/load.ts';
import { classroomHtml } from '../web/page.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = fileURLToPath(new URL('../web/main.ts', import.meta.url));
const SHIPPED_DIR = 'scenarios';

/** Returns the browser code of the classroom, bundled: one script with the model, engine and page, no imports. */
export async function bundleClassroom(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
    absWorkingDir: ROOT,
  });
  return result.outputFiles[0].text;
}

/** Returns the texts of the shipped scenarios, keyed `scenarios/<file>`, as the page's memory host holds them. */
export function shippedScenarioTexts(): Record<string, string> {
  const dir = `${ROOT}${SHIPPED_DIR}`;
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => /\.(ya?ml|json)$/.test(name) && name !== 'schema.json')
      .sort()
      .map((name) => [`${SHIPPED_DIR}/${name}`, readFileSync(`${dir}/${name}`, 'utf8')]),
  );
}

/** Returns a scenario file's text and those of the files it extends, keyed by POSIX path as its `extends` names them. */
export function scenarioChainTexts(path: string): Record<string, string> {
  const texts: Record<string, string> = {};
  for (let current: string | undefined = path; current !== undefined && !(posix(current) in texts); ) {
    const text = nodeHost.readFile(current);
    if (text === undefined) break;
    texts[posix(current)] = text;
    const parent: string | undefined = parseScenarioText(text, current).extends;
    current = parent === undefined ? undefined : nodeHost.resolve(current, parent);
  }
  return texts;
}

/** Returns the classroom page: the bundle, the shipped scenarios and `scenario` (default: the shipped baseline), whose
 * run the page starts with. */
export async function classroomPage(scenario?: string): Promise<string> {
  const scenarios = { ...shippedScenarioTexts(), ...(scenario === undefined ? {} : scenarioChainTexts(scenario)) };
  const initial = scenario === undefined ? `${SHIPPED_DIR}/baseline.yaml` : posix(scenario);
  return classroomHtml({ script: await bundleClassroom(), data: { scenarios, initial } });
}

// Keys as the page's memory host resolves `extends`: POSIX separators, `.` and `..` resolved.
function posix(path: string): string {
  return posixPath.normalize(path.replaceAll('\\', '/'));
}
