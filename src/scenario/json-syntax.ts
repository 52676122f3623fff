// A strict JSON syntax check that says where a text first breaks and what was expected there, the same in
// every JavaScript engine (JSON.parse's messages differ between engines and often omit the position).

/** Where a JSON text breaks: the offset, what would have been valid there, and what was found instead. */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly expected: string;
  readonly found: string;
  /** Set when the error is nesting deeper than MAX_NESTING (the text may be valid JSON otherwise). */
  readonly tooDeep?: true;
}

class Break {
  constructor(readonly error: JsonSyntaxError) {}
}

/** How deep lists and objects may nest: far more than any scenario, sweep or calibration needs, far less than what
 * exhausts the stack of the parsers after this check (a 2 KB file nested 1,000 deep aborted V8). */
export const MAX_NESTING = 64;

/** Returns the first syntax error in a JSON text, or undefined when it is valid JSON; nesting deeper than MAX_NESTING is
 * an error too. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let at = 0;
  let depth = 0;
  function fail(expected: string, tooDeep = false): never {
    throw new Break({ offset: at, expected, found: foundAt(text, at), ...(tooDeep ? { tooDeep: true } : {}) });
  }
  const skipSpace = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at])) at++;
  };
  const string = () => {
    at++;
    while (at < text.length && text[at] !== '"') {
      if (text[at] < ' ') fail('no control characters inside text (write \\n for a new line)');
      if (text[at] === '\\') {
        at++;
        if (text[at] === 'u' ? !/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5)) : !'"\\/bfnrt'.includes(text[at] ?? 'x'))
          fail('an escape such as \\n, \\" or \\u00e9');
      }
      at++;
    }
    if (at >= text.length) fail("a closing '\"'");
    at++;
  };
  const value = (): void => {
    skipSpace();
    const c = text[at];
    if ((c === '{' || c === '[') && depth >= MAX_NESTING) fail(`at most ${MAX_NESTING} levels of nested lists and objects`, true);
    if (c === '{') object();
    else if (c === '[') array();
    else if (c === '"') string();
    else if (c === '-' || (c >= '0' && c <= '9')) number();
    else literal();
  };
  // Steps past a closing bracket and out of its level.
  const close = () => {
    at++;
    depth--;
  };
  const object = () => {
    at++;
    depth++;
    skipSpace();
    if (text[at] === '}') return close();
    for (;;) {
      skipSpace();
      if (text[at] !== '"') fail('a double-quoted key');
      string();
      skipSpace();
      if (text[at] !== ':') fail("':' after the key");
      at++;
      value();
      skipSpace();
      if (text[at] === '}') return close();
      if (text[at] !== ',') fail("',' or '}' after a value");
      at++;
    }
  };
  const array = () => {
    at++;
    depth++;
    skipSpace();
    if (text[at] === ']') return close();
    for (;;) {
      value();
      skipSpace();
      if (text[at] === ']') return close();
      if (text[at] !== ',') fail("',' or ']' after a value");
      at++;
    }
  };
  const number = () => {
    const match = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    match.lastIndex = at;
    if (match.exec(text) === null) fail('a number');
    at = match.lastIndex;
  };
  const literal = () => {
    const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, at));
    if (word === undefined) fail('a value (an object, a list, a number, double-quoted text, true, false or null)');
    at += word.length;
  };
  try {
    value();
    skipSpace();
    if (at < text.length) fail('the end of the text after the value');
    return undefined;
  } catch (error) {
    if (error instanceof Break) return error.error;
    throw error;
  }
}

// Names what stands at an offset: a word or number as a whole, otherwise a single character.
function foundAt(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file';
  const word = /[A-Za-z0-9_.+-]+/y;
  word.lastIndex = offset;
  return JSON.stringify(word.exec(text)?.[0] ?? text[offset]);
}
