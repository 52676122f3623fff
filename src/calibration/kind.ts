// Telling a calibration file from a scenario or a sweep, without loading the calibration's schema and code: what a
// command that takes any of them (validate, emit) asks first.
import { parseSource } from '../scenario/source.ts';

/** Tells whether a file's text is a calibration (a mapping with a `targets` key, which neither scenarios nor sweeps
 * have); text that does not parse is not a calibration. */
export function isCalibrationText(text: string, fileName: string): boolean {
  try {
    const { value } = parseSource(text, fileName);
    return typeof value === 'object' && value !== null && Object.hasOwn(value, 'targets');
  } catch {
    return false;
  }
}
