// The seeded generator and seed derivation: a leaf module that the model, engine and sweeps share.
// Randomness is a value passed to whatever draws; nothing here reads a clock or Math.random.
import type seedrandom from 'seedrandom';
// The one generator used, from its own file: seedrandom's index also loads the other generators and, in Node, node:crypto
// for autoseeding, which a seeded run never uses (about 5 ms of the command line's start-up).
import xor4096 from 'seedrandom/lib/xor4096.js';

/** A draw in [0, 1), with its state available for saving in a run. */
export interface Rng {
  (): number;
  state(): RngState;
}
export type RngState = seedrandom.State.Xor4096;

/** The largest seed: seeds are 32-bit unsigned integers, from 0 to 2^32 - 1. */
export const MAX_SEED = 2 ** 32 - 1;

/** Returns a generator (seedrandom's xor4096: a few ns a draw) seeded from a 32-bit integer seed, or resumed from a saved state. */
export function createRng(seed: number, state?: RngState): Rng {
  return xor4096(String(seed >>> 0), { state: state ?? true }) as Rng;
}

/** Returns a 53-bit hash of a string (cyrb53, public domain): stable across platforms and engines. */
export function hashString(text: string, salt = 0): number {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ salt;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Returns a 32-bit run seed derived by hashing the master seed with the parts that identify a run (a replicate number; a sweep adds its point), never from the order runs execute in. */
export function deriveSeed(master: number, ...parts: (string | number)[]): number {
  return (hashString([master >>> 0, ...parts].join('\u001f')) % 4294967296) >>> 0;
}

/** Returns a 128-bit hex digest of a string (four salted cyrb53 lanes): the scenario hash in manifests and run seeds. */
export function digest(text: string): string {
  return [1, 2, 3, 4].map((salt) => hashString(text, salt).toString(16).padStart(14, '0').slice(-8)).join('');
}

/** Returns the seed of replicate r of a run with this master seed: the same for every scenario, so that comparisons share random numbers. */
export function replicateSeed(master: number, replicate: number): number {
  return deriveSeed(master, 'replicate', replicate);
}
