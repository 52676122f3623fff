// Text written as UTF-8 bytes into a buffer that grows, and decoded a piece at a time: what the network's outputs are
// written with (network.csv, GraphML, GEXF). A number's digits are written one by one, with no string made for each:
// making a string per number (by String(), JSON or by hand) and joining a file's many small pieces was most of the time
// a run's network outputs took. The one formatter of a number at fixed decimal places is here (ByteText.fixed).

/** The decimal places the network's outputs write their values to: a millionth. */
export const FIXED_DECIMALS = 6;
const FIXED_SCALE = 10 ** FIXED_DECIMALS;
// Below this magnitude a value times FIXED_SCALE rounds to an exact integer (under 2^53); at or above it, and for NaN
// and the infinities, fixed() writes String()'s text.
const FIXED_LIMIT = 1e9;

const UTF8_DECODER = new TextDecoder();
const UTF8_ENCODER = new TextEncoder();

/** A text being written as UTF-8 bytes; take() returns it as a string (takeBytes() and drain() as its bytes) and starts
 * an empty one. */
export class ByteText {
  private buffer = new Uint8Array(1 << 16);
  private length = 0;

  /** The bytes written since it was last taken. */
  get size(): number {
    return this.length;
  }

  /** Makes room for `count` more bytes (small enough to be inlined where bytes are added; grow() is not). */
  private reserve(count: number): void {
    if (this.length + count > this.buffer.length) this.grow(count);
  }

  private grow(count: number): void {
    const grown = new Uint8Array(Math.max(2 * this.buffer.length, this.length + count));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  /** Adds an ASCII character, by its code. */
  byte(code: number): void {
    this.reserve(1);
    this.buffer[this.length++] = code;
  }

  /** Adds bytes of UTF-8 (a text encoded once and written many times). */
  bytes(bytes: Uint8Array): void {
    const count = bytes.length;
    this.reserve(count);
    // A few bytes (most pieces of a file) are copied faster one by one than by set().
    if (count > 32) this.buffer.set(bytes, this.length);
    else for (let i = 0; i < count; i++) this.buffer[this.length + i] = bytes[i];
    this.length += count;
  }

  /** Adds text: ASCII a character at a time, the rest from its first other character by the UTF-8 encoder (a lone
   * surrogate becoming U+FFFD, as writing the string to a file would make it). */
  text(text: string): void {
    this.reserve(text.length);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x80) {
        const rest = text.slice(i);
        this.reserve(3 * rest.length);
        this.length += UTF8_ENCODER.encodeInto(rest, this.buffer.subarray(this.length)).written;
        return;
      }
      this.buffer[this.length++] = code;
    }
  }

  /** Adds a safe integer, as String() writes it. */
  integer(value: number): void {
    this.reserve(17);
    if (value < 0) this.buffer[this.length++] = 45;
    this.digits(Math.abs(value));
  }

  /** Adds a number rounded to FIXED_DECIMALS decimal places (halves away from zero), trailing zeros trimmed: 0.5 is
   * "0.5", 0.1234567 is "0.123457", 0.9999996 is "1", and anything that rounds to zero (-0 and -0.0000004 too) is "0"; a
   * magnitude of 1e9 or more, NaN and the infinities as String() writes them. */
  fixed(value: number): void {
    const magnitude = Math.abs(value);
    if (!(magnitude < FIXED_LIMIT)) {
      this.text(String(value));
      return;
    }
    const scaled = Math.round(magnitude * FIXED_SCALE);
    // A sign, up to 10 digits before the point (1e9 itself, rounded up to), the point and FIXED_DECIMALS digits after.
    this.reserve(12 + FIXED_DECIMALS);
    const buffer = this.buffer;
    let at = this.length;
    if (value < 0 && scaled > 0) buffer[at++] = 45;
    // Both parts are below 2^31: written in 32-bit integer arithmetic, from their last digits.
    const whole = Math.floor(scaled / FIXED_SCALE) | 0;
    let fraction = (scaled - whole * FIXED_SCALE) | 0;
    if (whole < 10) buffer[at++] = 48 + whole;
    else {
      this.length = at;
      this.smallDigits(whole);
      at = this.length;
    }
    if (fraction !== 0) {
      let places = FIXED_DECIMALS;
      let rest = (fraction / 10) | 0;
      while (fraction === 10 * rest) {
        fraction = rest;
        rest = (fraction / 10) | 0;
        places--;
      }
      buffer[at] = 46;
      for (let digit = at + places; digit > at; digit--) {
        rest = (fraction / 10) | 0;
        buffer[digit] = 48 + fraction - 10 * rest;
        fraction = rest;
      }
      at += places + 1;
    }
    this.length = at;
  }

  // Adds a whole number from 0 to 2^53, digit by digit, into room already reserved.
  private digits(whole: number): void {
    if (whole < 0x80000000) {
      this.smallDigits(whole);
      return;
    }
    let unit = 1;
    while (unit * 10 <= whole) unit *= 10;
    for (; unit >= 1; unit /= 10) {
      const digit = Math.floor(whole / unit);
      this.buffer[this.length++] = 48 + digit;
      whole -= digit * unit;
    }
  }

  // Adds a whole number from 0 to 2^31 - 1, from its last digit, into room already reserved.
  private smallDigits(whole: number): void {
    let count = 1;
    for (let bound = 10; count < 10 && whole >= bound; bound *= 10) count++;
    const buffer = this.buffer;
    for (let at = this.length + count - 1; at >= this.length; at--) {
      const rest = (whole / 10) | 0;
      buffer[at] = 48 + whole - 10 * rest;
      whole = rest;
    }
    this.length += count;
  }

  /** Passes the bytes written since the last take() or drain() to `emit` (the buffer itself, good until `emit` returns),
   * and starts an empty text. */
  drain(emit: (bytes: Uint8Array) => void): void {
    if (this.length > 0) emit(this.buffer.subarray(0, this.length));
    this.length = 0;
  }

  /** Returns the bytes written since the last take(), as a copy, and starts an empty text. */
  takeBytes(): Uint8Array {
    const bytes = this.buffer.slice(0, this.length);
    this.length = 0;
    return bytes;
  }

  /** Returns the text written since the last take(), and starts an empty one. */
  take(): string {
    const text = UTF8_DECODER.decode(this.buffer.subarray(0, this.length));
    this.length = 0;
    return text;
  }
}

/** Returns numbers as ByteText.fixed writes them, at FIXED_DECIMALS decimal places with trailing zeros trimmed. */
export function fixedTexts(values: readonly number[]): string[] {
  if (values.length === 0) return [];
  const out = new ByteText();
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out.byte(44);
    out.fixed(values[i]);
  }
  return out.take().split(',');
}
