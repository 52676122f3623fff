// A scenario's, sweep's or calibration's name is the folder its results go to (results/<name>/): one rule for what
// such a name may be, checked where the name is written (placed at its file:line) and again where a folder is made of it.
import { PartnersimError } from '../errors.ts';
import { unsafeResultName } from './messages.ts';

/** Returns text as one folder name: control characters, white space and the characters Windows refuses in a file name
 * become `-`, and a long name is cut to a sane length. */
export function pathSafe(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is replaced
  return text.replace(/[\u0000-\u001f\u007f<>:"/\\|?*\s]+/g, '-').slice(0, 120);
}

/** Throws a PartnersimError for a name that, as a folder of results/, would leave it (a separator, `..`) or hide (a
 * leading dot), or that is blank; `at` places it (file:line:col) where it was written, when known. */
export function checkResultName(name: string, at?: string): void {
  if (/[/\\]/.test(name) || /^\./.test(name.trim()) || name.trim() === '')
    throw new PartnersimError('unsafe-name', unsafeResultName(name, pathSafe(name.replace(/^[./\\\s]+/, '')) || 'results', at));
}
