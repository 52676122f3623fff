// The typed error every library function throws for bad input; the CLI prints its message and exits 2.

/** Stable codes for every kind of user error, so tests and scripts can tell them apart. */
export type ErrorCode =
  | 'yaml-syntax'
  | 'json-syntax'
  | 'unknown-key'
  | 'wrong-type'
  | 'out-of-range'
  | 'schedule-order'
  | 'duplicate-area'
  | 'parameter-rule'
  | 'mechanism-needed'
  | 'extends-missing'
  | 'extends-cycle'
  | 'set-unknown-key'
  | 'set-bad-value'
  | 'file-missing'
  | 'file-unreadable'
  | 'bad-option'
  | 'output-unwritable'
  | 'output-occupied'
  | 'output-locked'
  | 'too-large'
  | 'unsafe-name'
  | 'sweep-invalid'
  | 'sweep-mismatch'
  | 'sweep-incomplete'
  | 'sweep-damaged'
  | 'calibration-invalid'
  | 'unknown-statistic'
  | 'calibration-mismatch'
  | 'calibration-damaged'
  | 'register-missing'
  | 'register-columns'
  | 'register-empty'
  | 'register-unknown-authority'
  | 'register-bad-rows'
  | 'register-malformed'
  | 'register-no-date'
  | 'register-conflict';

/** An error in what the user gave (a file, a key, an option): its message is complete and meant to be printed as is. */
export class PartnersimError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'PartnersimError';
    this.code = code;
  }
}

/** Tells a PartnersimError from any other thrown value. */
export function isPartnersimError(error: unknown): error is PartnersimError {
  return error instanceof PartnersimError;
}
