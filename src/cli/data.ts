// `partnersim data targets ESTABLISHMENTS [LINKS]`: reads a register extract (as a scenario's organisations.from does)
// and writes the calibration targets it gives of multi-academy trusts, overall and per local authority, in the target
// format of a calibration file (a `targets:` list to paste into one), each citing the extract and its date.
import { statSync } from 'node:fs';
import { stringify } from 'yaml';
import { firstJoinYear, registerTargets } from '../calibration/register-targets.ts';
import { PartnersimError } from '../errors.ts';
import { readRegister } from '../scenario/register.ts';
import { isIsoDate } from '../scenario/schema.ts';
import { registerRowsSkipped } from '../scenario/messages.ts';
import { notAFileKind } from '../results/regular-file.ts';
import { writeFileAtomic } from '../results/write.ts';
import type { Io } from './main.ts';
import { badDataOption, dataFileMissing, dataTargetsWritten } from './messages.ts';
import { nodeHost } from './node-host.ts';

/** The options of `partnersim data targets`. */
export interface DataTargetsOptions {
  readonly localAuthority: readonly string[];
  readonly start?: string;
  readonly stepsPerYear: string;
  readonly date?: string;
  readonly out?: string;
}

/** Reads the extracts and writes their targets to --out (or prints them); throws a PartnersimError (exit 2) for a
 * missing file, a file that is not an extract (file:line), an unknown local authority, too many bad rows or a bad option. */
export function dataTargetsCommand(establishments: string, links: string | undefined, options: DataTargetsOptions, io: Io): void {
  for (const [path, what] of [
    [establishments, 'establishments'],
    [links, 'links'],
  ] as const) {
    if (path === undefined) continue;
    const stats = statSync(path, { throwIfNoEntry: false });
    const found = stats === undefined ? 'nothing' : notAFileKind(stats);
    if (found !== undefined) throw new PartnersimError('register-missing', dataFileMissing(path, what, found));
  }
  const stepsPerYear = wholeOption('--steps-per-year', options.stepsPerYear, 1, 366);
  if (options.date !== undefined && !isIsoDate(options.date))
    throw new PartnersimError('bad-option', badDataOption('--date', options.date, 'a date YYYY-MM-DD'));
  const register = readRegister(
    {
      establishments,
      links,
      localAuthorities: options.localAuthority.length > 0 ? options.localAuthority : undefined,
      date: options.date,
    },
    nodeHost,
    {
      at: (name) => (name === 'links' ? 'LINKS' : name === 'date' ? '--date' : 'ESTABLISHMENTS'),
      authority: (index) => `--local-authority ${options.localAuthority[index]}`,
      file: 'the current directory',
      giveDate: 'give --date YYYY-MM-DD',
    },
  );
  const startYear =
    options.start === undefined
      ? (firstJoinYear(register) ?? Number(register.date.slice(0, 4)))
      : wholeOption('--start', options.start, 1900, 2200);
  const targets = registerTargets(register, { startYear, stepsPerYear });
  const text =
    `# Calibration targets from the register of English schools (Get Information About Schools): ${register.extract}` +
    `${register.links === null ? '' : ` and ${register.links}`}, dated ${register.date}.\n` +
    `# trustJoins windows: step 1 is 1 January ${startYear}, ${stepsPerYear} steps a year; use them with a scenario that starts then.\n` +
    stringify({ targets }, { lineWidth: 0, aliasDuplicateObjects: false });
  if (register.skipped.length > 0) io.err(`partnersim: ${registerRowsSkipped(register.skipped)}\n`);
  if (options.out === undefined) {
    io.out(text);
    return;
  }
  writeFileAtomic(options.out, text);
  io.out(dataTargetsWritten(options.out, targets.length, register.localAuthorities.length));
}

function wholeOption(name: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max)
    throw new PartnersimError('bad-option', badDataOption(name, text, `a whole number from ${min} to ${max}`));
  return Number(text);
}
