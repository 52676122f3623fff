// Building the classroom page in Node: the browser code (bundled into one script by the build, scripts/build.js), and
// the scenario files it offers (the shipped ones, and the one asked for with the files it extends) embedded, in one
// self-contained HTML text that `partnersim serve` serves and `partnersim classroom --export` writes.
import { readdirSync, readFileSync } from 'node:fs';
import { posix as posixPath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeHost } from './node-host.ts';
import { loadScenarioInput, parseScenarioText } from '../scenario/load.ts';
import { classroomHtml } from '../web/page.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// The same file whether this module runs compiled (dist/cli) or from source (src/cli, in the tests, which build first).
const BUNDLE = `${ROOT}dist/classroom.bundle.js`;
const SHIPPED_DIR = 'scenarios';

/** Returns the browser code of the classroom, as the build bundled it: one script with the model, engine and page. */
export function classroomBundle(): string {
  return readFileSync(BUNDLE, 'utf8');
}

/** Returns the texts of the shipped scenarios, keyed `scenarios/<file>`, as the page's memory host holds them. */
export function shippedScenarioTexts(): Record<string, string> {
  const dir = `${ROOT}${SHIPPED_DIR}`;
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => /\.(ya?ml|json)$/.test(name) && name !== 'schema.json')
      .sort()
      .map((name) => [`${SHIPPED_DIR}/${name}`, withRegisterRead(`${dir}/${name}`, readFileSync(`${dir}/${name}`, 'utf8'))]),
  );
}

// The page cannot read the register's extracts: a scenario that reads them is embedded as what it resolves to (its
// establishments listed, the files it extends merged in), which the page loads like any other scenario file.
function withRegisterRead(path: string, text: string): string {
  if (parseScenarioText(text, path).organisations?.from === undefined) return text;
  const { extends: _, ...resolved } = loadScenarioInput(path, nodeHost);
  return JSON.stringify(resolved);
}

/** Returns a scenario file's text and those of the files it extends, keyed by POSIX path as its `extends` names them. */
export function scenarioChainTexts(path: string): Record<string, string> {
  const texts: Record<string, string> = {};
  for (let current: string | undefined = path; current !== undefined && !(posix(current) in texts); ) {
    const text = nodeHost.readFile(current);
    if (typeof text !== 'string') break;
    texts[posix(current)] = withRegisterRead(current, text);
    const parent: string | undefined = parseScenarioText(text, current).extends;
    current = parent === undefined ? undefined : nodeHost.resolve(current, parent);
  }
  return texts;
}

/** Returns the classroom page: the bundle, the shipped scenarios and `scenario` (default: the shipped baseline), whose
 * run the page starts with. */
export function classroomPage(scenario?: string): string {
  const scenarios = { ...shippedScenarioTexts(), ...(scenario === undefined ? {} : scenarioChainTexts(scenario)) };
  const initial = scenario === undefined ? `${SHIPPED_DIR}/baseline.yaml` : posix(scenario);
  return classroomHtml({ script: classroomBundle(), data: { scenarios, initial } });
}

// Keys as the page's memory host resolves `extends`: POSIX separators, `.` and `..` resolved.
function posix(path: string): string {
  return posixPath.normalize(path.replaceAll('\\', '/'));
}
