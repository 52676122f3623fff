// `npm run bench:register`: a national-sized synthetic register (150 invented local authorities of 400 establishments:
// 60,000 rows in GIAS's exact format, every column, Windows-1252) is written to a temporary directory and read as a
// scenario's organisations.from reads it — every authority, then one — and by `partnersim data targets`' summary,
// each timed (wall clock, best of three) with the process's peak resident memory. A benchmark figure, not a test.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerTargets } from '../src/calibration/register-targets.ts';
import { nodeHost } from '../src/cli/node-host.ts';
import { readRegister } from '../src/scenario/register.ts';
import {
  extractBytes,
  GIAS_ESTABLISHMENT_HEADER,
  GIAS_LINK_HEADER,
  type SyntheticAuthority,
  syntheticExtract,
} from './synthetic-register.ts';

const AUTHORITIES: SyntheticAuthority[] = Array.from({ length: 150 }, (_, a) => ({
  code: 700 + a,
  name: `Synthetic Authority ${a + 1}`,
  easting: 200000 + (a % 15) * 30000,
  northing: 100000 + Math.floor(a / 15) * 50000,
}));

const dir = mkdtempSync(join(tmpdir(), 'partnersim-bench-register-'));
try {
  const extract = syntheticExtract({ authorities: AUTHORITIES, perAuthority: 400, seed: 7 });
  const establishments = join(dir, 'edubasealldata20250101.csv');
  const links = join(dir, 'alllinksdata20250101.csv');
  writeFileSync(establishments, extractBytes(GIAS_ESTABLISHMENT_HEADER, extract.establishments));
  writeFileSync(links, extractBytes(GIAS_LINK_HEADER, extract.links));
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  console.log(
    `register: ${extract.establishments.length} establishment rows (${mb(statSync(establishments).size)} MB), ${extract.links.length} link rows (${mb(statSync(links).size)} MB), ${GIAS_ESTABLISHMENT_HEADER.length} columns`,
  );
  const places = { at: () => 'bench', authority: () => 'bench', file: dir, giveDate: 'bench' };
  const time = (label: string, work: () => string) => {
    const seconds: number[] = [];
    let said = '';
    for (let k = 0; k < 3; k++) {
      const start = performance.now();
      said = work();
      seconds.push((performance.now() - start) / 1000);
    }
    const rss = process.resourceUsage().maxRSS / 1024;
    console.log(
      `${label}: best ${Math.min(...seconds).toFixed(2)} s of 3 (${seconds.map((s) => s.toFixed(2)).join(', ')}); ${said}; peak RSS so far ${rss.toFixed(0)} MB`,
    );
  };
  time('every authority, with links', () => {
    const r = readRegister({ establishments, links }, nodeHost, places);
    return `${r.establishments.length} establishments placed, ${r.skipped.length} rows skipped`;
  });
  time('one authority, with links', () => {
    const r = readRegister({ establishments, links, localAuthorities: ['Synthetic Authority 75'] }, nodeHost, places);
    return `${r.establishments.length} establishments placed`;
  });
  time('data targets, every authority', () => {
    const r = readRegister({ establishments, links }, nodeHost, places);
    return `${registerTargets(r, { startYear: 2010, stepsPerYear: 12 }).length} targets`;
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
