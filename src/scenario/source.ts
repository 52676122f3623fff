// Reading a scenario file's text: YAML, or JSON by extension, parsed with positions kept so that every later
// problem can be placed at file:line:column.
import { isMap, isNode, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { PartnersimError } from '../errors.ts';
import {
  emptyFile,
  fileLocation,
  malformedJson,
  malformedYaml,
  nestedTooDeep,
  repeatedKey,
  tooManyAliases,
  unsupportedYamlTag,
} from './messages.ts';
import type { Origin } from './check.ts';
import { findJsonSyntaxError, MAX_NESTING } from './json-syntax.ts';

/** A parsed scenario text: its plain value, and where each of its paths lies. */
export interface ScenarioSource {
  readonly value: unknown;
  readonly origin: Origin;
}

/** Returns the parsed text of a scenario file, JSON if its name ends in .json and YAML otherwise; throws a
 * PartnersimError placed at the first syntax error. */
export function parseSource(text: string, fileName: string): ScenarioSource {
  const json = fileName.toLowerCase().endsWith('.json');
  const lineCounter = new LineCounter();
  const location = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return fileLocation(fileName, line, col);
  };
  // JSON is checked by its own strict grammar (YAML would accept trailing commas and single quotes), first, as it also
  // refuses nesting deep enough to exhaust the YAML parser's stack; of the YAML parser's findings in a valid JSON text
  // only a repeated key matters, as JSON.parse would keep the last.
  const jsonError = json ? findJsonSyntaxError(text) : undefined;
  if (jsonError !== undefined) {
    const { line, col } = linePosition(text, jsonError.offset);
    const at = fileLocation(fileName, line, col);
    throw new PartnersimError(
      'json-syntax',
      jsonError.tooDeep ? nestedTooDeep(at, 'JSON', MAX_NESTING) : malformedJson(at, jsonError.expected, jsonError.found),
    );
  }
  // logLevel 'error': the parser's warnings (a key that is itself a list is made text) would go to the process's stderr
  // beside the one message the checks below give about the same key.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, schema: json ? 'json' : 'core', logLevel: 'error' });
  const yamlError = doc.errors.find((error) => !json || error.code === 'DUPLICATE_KEY');
  if (yamlError !== undefined) {
    const [offset] = yamlError.pos;
    // Nesting that exhausts the parser's stack is reported by the parser as an error like any other.
    const message =
      yamlError.code === 'DUPLICATE_KEY'
        ? repeatedKey(location(offset), snippetAt(text, offset))
        : /call stack/i.test(yamlError.message)
          ? nestedTooDeep(location(offset), 'YAML', MAX_NESTING)
          : malformedYaml(location(offset), lowerFirst(yamlError.message), snippetAt(text, offset));
    throw new PartnersimError(json ? 'json-syntax' : 'yaml-syntax', message);
  }
  // An explicit tag other than the plain values' would make a value no scenario key takes (bytes, a set, a date).
  if (!json) {
    const tagged = explicitTag(doc);
    if (tagged !== undefined) throw new PartnersimError('yaml-syntax', unsupportedYamlTag(location(tagged.offset), tagged.tag));
  }
  // A YAML file with nothing in it is refused, not read as every default: an empty file is more often a mistake (a file
  // saved before it was written, the wrong path) than a scenario, which `{}` states.
  const empty = doc.contents === null || (isScalar(doc.contents) && doc.contents.source === '');
  if (!json && empty) throw new PartnersimError('yaml-syntax', emptyFile(fileName));
  const offset = (path: readonly PropertyKey[], target: 'key' | 'value') => offsetOf(doc, path, target);
  const value = json ? JSON.parse(text) : toValue(doc, fileName);
  // YAML is held to JSON's limit of nesting, which the parser above may pass but what reads the value after it not.
  const deep = json ? undefined : pathTooDeep(value);
  if (deep !== undefined) throw new PartnersimError('yaml-syntax', nestedTooDeep(location(offset(deep, 'value')), 'YAML', MAX_NESTING));
  return { value, origin: { kind: 'file', at: (path, target) => location(offset(path, target)), order: offset } };
}

// The tags that give plain values: text, numbers, yes/no, null, lists and mappings, and `!` (text).
const PLAIN_TAGS = new Set(['!', ...['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((name) => `tag:yaml.org,2002:${name}`)]);

/** Returns the first node written with a tag that is not a plain value's (as written: `!!binary`, `!local`), and its
 * offset, or undefined. */
export function explicitTag(doc: Document): { tag: string; offset: number } | undefined {
  let found: { tag: string; offset: number } | undefined;
  visit(doc, {
    Node(_, node) {
      if (node.tag === undefined || PLAIN_TAGS.has(node.tag)) return undefined;
      found = { tag: node.tag.replace(/^tag:yaml\.org,2002:/, '!!'), offset: node.range?.[0] ?? 0 };
      return visit.BREAK;
    },
  });
  return found;
}

// The path to the first list or mapping nested deeper than MAX_NESTING in a plain value, or undefined; found without
// recursion, so that depth cannot exhaust the stack here.
function pathTooDeep(value: unknown): PropertyKey[] | undefined {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.path.length >= MAX_NESTING) return next.path;
    for (const [key, child] of Object.entries(next.value))
      stack.push({ value: child, path: [...next.path, Array.isArray(next.value) ? Number(key) : key] });
  }
  return undefined;
}

/** The most uses of aliases a YAML file may make: the yaml library's own guard against alias bombs, named here. */
export const MAX_ALIASES = 100;

// The plain value of a YAML document; the parser's guard against an alias bomb becomes the file's error.
function toValue(doc: Document, fileName: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message))
      throw new PartnersimError('yaml-syntax', tooManyAliases(fileName, MAX_ALIASES));
    throw error;
  }
}

// The offset of a key or value; for a path that is absent, that of the nearest enclosing node.
function offsetOf(doc: Document, path: readonly PropertyKey[], target: 'key' | 'value'): number {
  if (target === 'key' && path.length > 0) {
    const parent = nodeAt(doc, path.slice(0, -1));
    const name = String(path[path.length - 1]);
    const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && String(item.key.value) === name) : undefined;
    if (isNode(pair?.key) && pair.key.range) return pair.key.range[0];
  }
  for (let depth = path.length; depth >= 0; depth--) {
    const node = nodeAt(doc, path.slice(0, depth));
    if (isNode(node) && node.range) return node.range[0];
  }
  return 0;
}

function nodeAt(doc: Document, path: readonly PropertyKey[]): unknown {
  return path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true);
}

// The line and column (from 1) of an offset in a text, counted without a parser.
function linePosition(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, col: offset - lineStart + 1 };
}

// What stands at a syntax error: the rest of its line, shortened.
function snippetAt(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file';
  const rest = text.slice(offset).split(/\r?\n/)[0].trim();
  if (rest === '') return 'the end of the line';
  return JSON.stringify(rest.length > 40 ? `${rest.slice(0, 40)}...` : rest);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
