// A comparison's directory: each scenario's results in a subdirectory (as `partnersim run` writes them), beside the
// comparison's own manifest, which names the baseline, the seeds and each scenario's subdirectory.
import { join } from 'node:path';
import { readStoredRun, type StoredRun } from './read-run.ts';

/** What a comparison's manifest says its `kind` is. */
export const COMPARE_KIND = 'partnersim compare';

/** The manifest of a comparison's directory. */
export interface CompareManifest {
  readonly kind: typeof COMPARE_KIND;
  readonly partnersim: string;
  readonly commit: string | null;
  readonly node: string;
  readonly args: readonly string[];
  readonly baseline: string;
  readonly masterSeed: number;
  readonly reps: number;
  readonly seeds: readonly number[];
  /** Each scenario's name, its subdirectory (a result directory like partnersim run's) and its hash. */
  readonly scenarios: readonly { readonly name: string; readonly dir: string; readonly scenarioHash: string }[];
  /** With --posterior: the hash of the calibration whose posterior the replicates drew from (each subdirectory's
   * manifest holds the draws). */
  readonly posterior?: string;
}

/** Returns what a comparison directory is for (see ResultIdentity): these scenarios compared with this baseline, under
 * this master seed and number of replicates, with or without parameters drawn from a calibration's posterior. */
export function compareIdentity(
  baseline: string,
  masterSeed: number,
  reps: number,
  scenarios: CompareManifest['scenarios'],
  posterior?: string,
): Readonly<Record<string, unknown>> {
  // `posterior` is there even when undefined: a plain comparison is not the same results as one that drew from a posterior.
  return { kind: COMPARE_KIND, baseline, masterSeed, reps, scenarios, posterior };
}

/** Returns a comparison's manifest as it is written: indented JSON with a final newline. */
export function compareManifestJson(manifest: CompareManifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

/** Returns the runs of each scenario of a comparison directory, in the manifest's order. */
export function readComparedRuns(dir: string, manifest: CompareManifest): StoredRun[] {
  return manifest.scenarios.map((entry) => readStoredRun(join(dir, entry.dir)));
}

/** Returns the default directory of a comparison: results/compare-<names joined by dashes>, kept to a sane length. */
export function defaultCompareDir(names: readonly string[]): string {
  return `results/compare-${names.map(slug).join('-').slice(0, 80)}`;
}

/** Returns each scenario's subdirectory in a comparison: a safe, unique form of its name (names come from files). */
export function scenarioDirs(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let dir = slug(name);
    for (let n = 2; used.has(dir); n++) dir = `${slug(name)}-${n}`;
    used.add(dir);
    return dir;
  });
}

function slug(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'scenario';
}
