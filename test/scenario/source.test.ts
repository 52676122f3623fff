// parseSource's guards against files built to hurt the parser: an alias bomb and nesting deep enough to exhaust the
// stack are each one message with a fix, never an uncaught error or an aborted process; and a value quoted in a
// message is a short excerpt, so a file named by extends: that is not a scenario (a key, the environment) is not echoed.
import { describe, expect, it, vi } from 'vitest';
import { nodeHost } from '../../src/cli/node-host.ts';
import { isPartnersimError } from '../../src/errors.ts';
import { MAX_NESTING } from '../../src/scenario/json-syntax.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import * as message from '../../src/scenario/messages.ts';
import { MAX_ALIASES, parseSource } from '../../src/scenario/source.ts';
import { useTempDir } from '../cli/fixtures.ts';

const tmp = useTempDir('source');

function errorOf(action: () => unknown): { code: string; message: string } {
  try {
    action();
  } catch (error) {
    if (!isPartnersimError(error)) throw error;
    return error;
  }
  return expect.fail('no error');
}

describe('parseSource', () => {
  it('refuses a YAML alias bomb with one message', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 7; i++)
      levels.push(
        `${'bcdefg'[i - 1]}: &${'bcdefg'[i - 1]} [${Array(9)
          .fill(`*${'abcdef'[i - 1]}`)
          .join(', ')}]`,
      );
    const error = errorOf(() => parseSource(`${levels.join('\n')}\nname: bomb\n`, 'bomb.yaml'));
    expect(error).toMatchObject({ code: 'yaml-syntax', message: message.tooManyAliases('bomb.yaml', MAX_ALIASES) });
  });

  it('refuses a YAML file with nothing in it, or only comments, rather than reading it as every default', () => {
    for (const text of ['', '\n\n', '# only a comment\n', '---\n# a document of comments\n'])
      expect(errorOf(() => parseSource(text, 'empty.yaml'))).toMatchObject({
        code: 'yaml-syntax',
        message: message.emptyFile('empty.yaml'),
      });
    expect(parseSource('{}\n', 'defaults.yaml').value).toEqual({});
  });

  it('leaves the one message about a key that is itself a list to the checks, with no warning of the parser on stderr', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      const path = tmp.write('list-key.yaml', '? [a]\n: 1\n');
      expect(errorOf(() => loadScenario(path, nodeHost)).code).toBe('unknown-key');
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('refuses a value tagged as other than a plain value (bytes, a set, a date, a local tag), at the value', () => {
    for (const [text, tag, column] of [
      ['name: t\ntime: !!binary aGVsbG8=\n', '!!binary', 16],
      ['name: t\ntime: !!set {a, b}\n', '!!set', 13],
      ['name: t\ntime:\n  steps: !local 12\n', '!local', 17],
    ] as const) {
      const line = text.split('\n').length - 1;
      expect(errorOf(() => parseSource(text, 'tagged.yaml'))).toMatchObject({
        code: 'yaml-syntax',
        message: message.unsupportedYamlTag(message.fileLocation('tagged.yaml', line, column), tag),
      });
    }
    // Tags of plain values are read as they say.
    expect(parseSource('name: !!str 12\nsteps: !!int "3"\n', 'plain.yaml').value).toEqual({ name: '12', steps: 3 });
  });

  it('takes a few aliases as YAML means them', () => {
    expect(parseSource('base: &b {x: 1}\ncopy: *b\n', 'ok.yaml').value).toEqual({ base: { x: 1 }, copy: { x: 1 } });
  });

  it('refuses JSON nested deeper than MAX_NESTING, at the bracket too many, before any parser recurses into it', () => {
    const deep = (n: number) => `{"name":"deep","x":${'['.repeat(n)}${']'.repeat(n)}}`;
    expect(() => parseSource(deep(MAX_NESTING - 1), 'ok.json')).not.toThrow();
    // 1,000 levels in 2 KB aborted V8 (exit 134) inside the YAML parser, which read JSON files first.
    const error = errorOf(() => parseSource(deep(1000), 'deep.json'));
    expect(error.code).toBe('json-syntax');
    expect(error.message).toBe(message.nestedTooDeep(message.fileLocation('deep.json', 1, 19 + MAX_NESTING), 'JSON', MAX_NESTING));
  });

  it('gives YAML nested past what its parser can take the same message as JSON', () => {
    const error = errorOf(() => parseSource(`name: deep\nx: ${'['.repeat(3000)}${']'.repeat(3000)}\n`, 'deep.yaml'));
    expect(error.code).toBe('yaml-syntax');
    expect(error.message).toMatch(/^deep\.yaml:2:\d+: malformed YAML: nested too deep: expected at most 64 levels/);
  });

  it('holds YAML to the same limit as JSON, placing the list or mapping one level too deep', () => {
    const deep = (n: number) => `name: deep\nx: ${'['.repeat(n)}${']'.repeat(n)}\n`;
    expect(() => parseSource(deep(MAX_NESTING - 1), 'ok.yaml')).not.toThrow();
    const error = errorOf(() => parseSource(deep(MAX_NESTING), 'deep.yaml'));
    expect(error).toEqual(
      expect.objectContaining({
        code: 'yaml-syntax',
        message: message.nestedTooDeep(message.fileLocation('deep.yaml', 2, 3 + MAX_NESTING), 'YAML', MAX_NESTING),
      }),
    );
  });
});

describe('excerpts of what was found', () => {
  it('quote at most a short, escaped start of a file that extends: names', () => {
    const secret = `-----BEGIN OPENSSH PRIVATE KEY-----\n${'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ'.repeat(20)}\u001b[2J`;
    tmp.write('id_key', secret);
    const path = tmp.write('steal.yaml', 'extends: id_key\nname: steal\n');
    const error = errorOf(() => loadScenario(path, nodeHost));
    expect(error.message).not.toContain(secret.slice(40, 80));
    expect(error.message).not.toContain('\u001b');
    expect(error.message).toContain('"-----BEGIN OPENSSH PRIVATE KEY--..."');
    expect(error.message).toContain(`(${secret.length.toLocaleString('en-GB')} characters)`);
  });
});
