// The strict JSON check: where a text breaks, what was expected and what was found.
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../src/scenario/json-syntax.ts';

describe('findJsonSyntaxError', () => {
  it('accepts valid JSON', () => {
    expect(findJsonSyntaxError('{"a": {"b": [{"c": -1.5e3}, true, null]}, "d": "\\u00e9\\n"}')).toBeUndefined();
    expect(findJsonSyntaxError(' [] ')).toBeUndefined();
  });

  it.each([
    ['{"a": 1,}', 8, 'a double-quoted key', '"}"'],
    ["{'a': 1}", 1, 'a double-quoted key', `"'"`],
    ['{"a": 1 "b": 2}', 8, "',' or '}' after a value", '"\\""'],
    ['{"a" 1}', 5, "':' after the key", '"1"'],
    ['[1, 2,]', 6, 'a value (an object, a list, a number, double-quoted text, true, false or null)', '"]"'],
    ['[1 2]', 3, "',' or ']' after a value", '"2"'],
    ['{"a": tru}', 6, 'a value (an object, a list, a number, double-quoted text, true, false or null)', '"tru"'],
    ['{"a": -}', 6, 'a number', '"-"'],
    ['{"a": "x\\q"}', 9, 'an escape such as \\n, \\" or \\u00e9', '"q"'],
    ['{"a": "open', 11, "a closing '\"'", 'the end of the file'],
    ['{"a": 1}}', 8, 'the end of the text after the value', '"}"'],
    ['', 0, 'a value (an object, a list, a number, double-quoted text, true, false or null)', 'the end of the file'],
  ])('finds the break in %j', (text, offset, expected, found) => {
    expect(findJsonSyntaxError(text)).toEqual({ offset, expected, found });
  });
});
