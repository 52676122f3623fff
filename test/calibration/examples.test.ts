// The shipped calibrations (calibrations/*.yaml): each loads, opens with a header saying what it fits, to what (with
// its source) and how many runs it takes, points editors at the schema, and gives every target a source.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCalibration } from '../../src/calibration/load.ts';
import { nodeHost } from '../../src/cli/node-host.ts';

const DIR = fileURLToPath(new URL('../../calibrations/', import.meta.url));
const FILES = readdirSync(DIR)
  .filter((file) => /\.(ya?ml|json)$/.test(file) && file !== 'schema.json')
  .sort();

describe('the shipped calibrations', () => {
  it('include the example and the England default', () => {
    expect(FILES).toEqual(expect.arrayContaining(['example-alliances.yaml', 'england.yaml']));
  });
});

describe.each(FILES)('calibrations/%s', (file) => {
  const path = `${DIR}${file}`;
  const text = readFileSync(path, 'utf8');

  it('opens with a header saying what it fits, to what, and its runs, and points editors at the schema', () => {
    const lines = text.split('\n');
    const header = lines.slice(
      0,
      lines.findIndex((line) => !line.startsWith('#')),
    );
    expect(header.length).toBeGreaterThanOrEqual(3);
    expect(header.join('\n')).toMatch(/^# Runs: [\d,]+ /m);
    expect(text).toMatch(/^\$schema: \.\/schema\.json$/m);
  });

  it('loads, every target with its source', () => {
    const { calibration } = loadCalibration(path, nodeHost);
    expect(calibration.parameters.length).toBeGreaterThan(0);
    for (const target of calibration.targets) expect(target.source.length).toBeGreaterThan(10);
  });
});
