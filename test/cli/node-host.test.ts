// The scenario files' host reads UTF-8 and nothing else: a file in another encoding is refused at its first bad byte
// (offset and line), rather than read with U+FFFD in place of its accents; a byte-order mark and every UTF-8 character pass.
// A directory is answered as one (so that the loader can say so), not read.
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, nodeHost } from '../../src/cli/node-host.ts';
import { isPartnersimError } from '../../src/errors.ts';
import { notUtf8 } from '../../src/scenario/messages.ts';
import { useTempDir } from './fixtures.ts';

const tmp = useTempDir('node-host');

function refusal(bytes: number[]): string {
  try {
    decodeUtf8('f.yaml', Uint8Array.from(bytes));
  } catch (error) {
    if (isPartnersimError(error) && error.code === 'file-unreadable') return error.message;
    throw error;
  }
  return expect.fail('decoded');
}

describe('nodeHost.readFile', () => {
  it('refuses Latin-1 text at the byte and line of its first accent', () => {
    const path = tmp.path('latin.yaml');
    writeFileSync(path, Buffer.from('name: x\ndescription: caf\xe9\n', 'latin1'));
    expect(() => nodeHost.readFile(path)).toThrow(notUtf8(path, 24, 2, 0xe9));
  });

  it('reads UTF-8 with and without a byte-order mark, characters of every length included', () => {
    const path = tmp.path('utf8.yaml');
    writeFileSync(path, '\ufeffname: café ☕ 😀\n');
    expect(nodeHost.readFile(path)).toBe('\ufeffname: café ☕ 😀\n');
    expect(nodeHost.readFile(tmp.path('missing.yaml'))).toBeUndefined();
  });

  it('answers a directory as one, unread, for a scenario file and a table alike', () => {
    const dir = tmp.path('adir');
    mkdirSync(dir);
    expect(nodeHost.readFile(dir)).toEqual({ notAFile: 'directory' });
    expect(nodeHost.readTable?.(dir)).toEqual({ notAFile: 'directory' });
  });

  it('finds the first bad byte of overlong forms, surrogates, stray continuations and cut sequences', () => {
    expect(refusal([0x61, 0xc0, 0x80])).toBe(notUtf8('f.yaml', 1, 1, 0xc0));
    expect(refusal([0x61, 0x0a, 0xed, 0xa0, 0x80])).toBe(notUtf8('f.yaml', 2, 2, 0xed));
    expect(refusal([0xe2, 0x98, 0x95, 0x80])).toBe(notUtf8('f.yaml', 3, 1, 0x80));
    expect(refusal([0x61, 0xf0, 0x9f, 0x98])).toBe(notUtf8('f.yaml', 1, 1, 0xf0));
    expect(refusal([0xf4, 0x90, 0x80, 0x80])).toBe(notUtf8('f.yaml', 0, 1, 0xf4));
  });
});
