// The unit-cube samplers: Sobol' points against Joe & Kuo's published output, the defining property of each
// design (strata, nets, Saltelli blocks, Morris trajectories) for many sizes and seeds, and determinism.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/random.ts';
import {
  latinHypercube,
  morrisStep,
  morrisTrajectories,
  randomSample,
  saltelliBlock,
  saltelliSample,
  SOBOL_MAX_DIMS,
  sobolSequence,
} from '../../src/sweep/designs.ts';
import { JOE_KUO_DIRECTIONS } from '../../src/sweep/sobol-directions.ts';

/** Returns a column of a design. */
const column = (rows: number[][], j: number) => rows.map((row) => row[j]);

/** Returns the sorted strata [i/n, (i+1)/n) that the values fall in. */
const strataOf = (values: number[], n: number) => values.map((x) => Math.floor(x * n)).sort((a, b) => a - b);

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Arbitraries: an integer in [min, max], and a 32-bit seed. */
const int = (min: number, max: number) => fc.integer({ min, max });
const anySeed = int(0, 2 ** 32 - 1);

/** Parses a line of sobol.cc output (space-separated values). */
const parseRow = (line: string) => line.trim().split(/\s+/).map(Number);

// Points from Joe & Kuo's own generator, sobol.cc, run with new-joe-kuo-6.21201 for 1024 points in 100
// dimensions, as committed in JuliaMath/Sobol.jl, test/results/exp_results_100: point i is line i.
// Point 2^j - 1 has Gray code 2^(j-1), so it is the j-th direction number of every dimension on its own:
// points 1, 3, ..., 511, 1023 check v_1..v_10 of dimensions 1-100, initial values and recurrence alike;
// points 8 and 706 (Gray codes 1100 and 1110100011) check that directions combine.
const JOE_KUO_100: Record<number, string> = {
  3: `0.25 0.75 0.75 0.75 0.25 0.25 0.75 0.25
    0.25 0.25 0.25 0.25 0.75 0.75 0.25 0.75
    0.25 0.75 0.25 0.75 0.75 0.25 0.75 0.75
    0.75 0.25 0.75 0.25 0.75 0.25 0.75 0.75
    0.75 0.25 0.25 0.25 0.75 0.75 0.75 0.75
    0.75 0.25 0.75 0.75 0.25 0.75 0.75 0.75
    0.25 0.25 0.75 0.75 0.25 0.75 0.75 0.25
    0.75 0.25 0.25 0.25 0.75 0.25 0.25 0.25
    0.25 0.25 0.25 0.25 0.75 0.25 0.75 0.25
    0.25 0.25 0.25 0.25 0.75 0.75 0.75 0.25
    0.25 0.25 0.75 0.75 0.25 0.25 0.25 0.75
    0.75 0.25 0.75 0.25 0.75 0.75 0.25 0.75
    0.25 0.75 0.75 0.25`,
  7: `0.125 0.625 0.375 0.125 0.125 0.375 0.625 0.625
    0.625 0.875 0.625 0.125 0.625 0.375 0.125 0.125
    0.125 0.125 0.625 0.875 0.875 0.375 0.625 0.125
    0.125 0.625 0.625 0.875 0.875 0.375 0.625 0.875
    0.125 0.625 0.875 0.875 0.375 0.125 0.625 0.125
    0.125 0.875 0.875 0.125 0.625 0.875 0.375 0.875
    0.375 0.125 0.875 0.125 0.375 0.625 0.375 0.125
    0.125 0.125 0.625 0.625 0.875 0.125 0.625 0.375
    0.125 0.875 0.625 0.875 0.625 0.375 0.375 0.375
    0.625 0.625 0.125 0.375 0.125 0.125 0.625 0.625
    0.375 0.125 0.375 0.625 0.875 0.375 0.875 0.875
    0.125 0.125 0.125 0.875 0.375 0.375 0.375 0.875
    0.875 0.375 0.625 0.625`,
  8: `0.1875 0.3125 0.9375 0.4375 0.5625 0.3125 0.4375 0.9375
    0.9375 0.3125 0.6875 0.0625 0.9375 0.9375 0.8125 0.9375
    0.8125 0.8125 0.9375 0.3125 0.1875 0.6875 0.1875 0.9375
    0.4375 0.0625 0.5625 0.1875 0.6875 0.9375 0.4375 0.8125
    0.0625 0.9375 0.5625 0.4375 0.1875 0.8125 0.3125 0.5625
    0.5625 0.0625 0.8125 0.1875 0.1875 0.3125 0.3125 0.3125
    0.4375 0.0625 0.5625 0.4375 0.1875 0.9375 0.8125 0.4375
    0.4375 0.5625 0.0625 0.3125 0.5625 0.0625 0.4375 0.6875
    0.5625 0.3125 0.9375 0.1875 0.6875 0.6875 0.4375 0.3125
    0.8125 0.0625 0.4375 0.5625 0.5625 0.1875 0.5625 0.5625
    0.1875 0.5625 0.1875 0.1875 0.9375 0.1875 0.0625 0.8125
    0.8125 0.1875 0.8125 0.8125 0.3125 0.0625 0.9375 0.0625
    0.9375 0.6875 0.5625 0.9375`,
  15: `0.0625 0.9375 0.5625 0.3125 0.6875 0.1875 0.8125 0.3125
    0.3125 0.6875 0.0625 0.1875 0.3125 0.5625 0.9375 0.8125
    0.9375 0.9375 0.3125 0.6875 0.8125 0.8125 0.5625 0.8125
    0.3125 0.6875 0.1875 0.8125 0.3125 0.5625 0.8125 0.1875
    0.1875 0.3125 0.4375 0.5625 0.3125 0.9375 0.9375 0.6875
    0.6875 0.9375 0.1875 0.0625 0.5625 0.6875 0.1875 0.6875
    0.0625 0.1875 0.4375 0.3125 0.3125 0.3125 0.6875 0.3125
    0.3125 0.6875 0.6875 0.9375 0.4375 0.1875 0.8125 0.8125
    0.6875 0.6875 0.3125 0.8125 0.0625 0.8125 0.0625 0.1875
    0.4375 0.6875 0.3125 0.9375 0.6875 0.0625 0.1875 0.1875
    0.3125 0.6875 0.3125 0.5625 0.0625 0.3125 0.9375 0.1875
    0.9375 0.0625 0.9375 0.1875 0.1875 0.4375 0.5625 0.9375
    0.0625 0.8125 0.1875 0.3125`,
  31: `0.03125 0.53125 0.90625 0.96875 0.96875 0.78125 0.34375 0.53125
    0.15625 0.59375 0.03125 0.34375 0.96875 0.21875 0.65625 0.84375
    0.21875 0.40625 0.59375 0.71875 0.40625 0.21875 0.03125 0.28125
    0.84375 0.59375 0.09375 0.03125 0.40625 0.78125 0.71875 0.40625
    0.15625 0.71875 0.03125 0.40625 0.09375 0.96875 0.96875 0.34375
    0.84375 0.65625 0.78125 0.59375 0.59375 0.03125 0.46875 0.46875
    0.34375 0.71875 0.53125 0.84375 0.34375 0.90625 0.09375 0.53125
    0.78125 0.34375 0.28125 0.59375 0.96875 0.71875 0.96875 0.78125
    0.65625 0.34375 0.53125 0.71875 0.28125 0.96875 0.15625 0.03125
    0.71875 0.53125 0.03125 0.03125 0.21875 0.46875 0.84375 0.03125
    0.15625 0.21875 0.84375 0.34375 0.71875 0.71875 0.21875 0.28125
    0.59375 0.03125 0.46875 0.59375 0.15625 0.28125 0.34375 0.78125
    0.28125 0.59375 0.71875 0.34375`,
  63: `0.015625 0.796875 0.359375 0.453125 0.859375 0.140625 0.578125 0.140625
    0.828125 0.578125 0.421875 0.671875 0.546875 0.765625 0.328125 0.765625
    0.078125 0.390625 0.953125 0.234375 0.234375 0.546875 0.390625 0.546875
    0.953125 0.640625 0.203125 0.296875 0.296875 0.453125 0.015625 0.921875
    0.828125 0.515625 0.953125 0.953125 0.859375 0.203125 0.921875 0.171875
    0.671875 0.171875 0.484375 0.171875 0.328125 0.515625 0.140625 0.609375
    0.484375 0.671875 0.265625 0.984375 0.671875 0.265625 0.015625 0.609375
    0.234375 0.265625 0.453125 0.703125 0.296875 0.234375 0.234375 0.734375
    0.828125 0.109375 0.203125 0.109375 0.671875 0.203125 0.984375 0.296875
    0.484375 0.828125 0.203125 0.890625 0.671875 0.421875 0.953125 0.046875
    0.890625 0.171875 0.921875 0.765625 0.703125 0.078125 0.171875 0.203125
    0.609375 0.515625 0.671875 0.421875 0.546875 0.421875 0.265625 0.890625
    0.859375 0.421875 0.671875 0.078125`,
  127: `0.0078125 0.6640625 0.5546875 0.6328125 0.4765625 0.3359375 0.2421875 0.0703125
    0.4140625 0.5390625 0.6171875 0.5859375 0.8828125 0.2578125 0.6015625 0.2734375
    0.9609375 0.2109375 0.6796875 0.8046875 0.5390625 0.4921875 0.4140625 0.8359375
    0.2421875 0.4765625 0.5390625 0.0078125 0.4609375 0.3203125 0.4296875 0.1328125
    0.5390625 0.1015625 0.9609375 0.3828125 0.2578125 0.3828125 0.4921875 0.6015625
    0.5546875 0.6328125 0.5078125 0.0234375 0.2265625 0.6953125 0.6171875 0.9296875
    0.7578125 0.4453125 0.2890625 0.9609375 0.4140625 0.3671875 0.8515625 0.1796875
    0.2421875 0.4921875 0.7578125 0.3203125 0.6484375 0.8671875 0.4296875 0.3046875
    0.9765625 0.4453125 0.6328125 0.5078125 0.0234375 0.1015625 0.6953125 0.9609375
    0.2890625 0.9140625 0.1015625 0.8984375 0.6328125 0.4921875 0.8203125 0.4453125
    0.1171875 0.8203125 0.9453125 0.3984375 0.9765625 0.8203125 0.5234375 0.2421875
    0.3046875 0.5703125 0.2265625 0.6640625 0.1796875 0.3046875 0.1015625 0.2578125
    0.5703125 0.1796875 0.0234375 0.3515625`,
  255: `0.00390625 0.99609375 0.76953125 0.57421875 0.61328125 0.98046875 0.88671875 0.17578125
    0.44140625 0.35546875 0.13671875 0.16796875 0.19921875 0.63671875 0.61328125 0.51953125
    0.40234375 0.42578125 0.73046875 0.25390625 0.31640625 0.44140625 0.53515625 0.22265625
    0.58203125 0.83203125 0.61328125 0.70703125 0.96484375 0.01171875 0.58984375 0.16796875
    0.99609375 0.68359375 0.54296875 0.87109375 0.21484375 0.95703125 0.37890625 0.97265625
    0.03515625 0.17578125 0.30859375 0.80078125 0.61328125 0.72265625 0.27734375 0.10546875
    0.87890625 0.69140625 0.27734375 0.83203125 0.51953125 0.67578125 0.03515625 0.01953125
    0.40234375 0.41015625 0.90234375 0.02734375 0.53515625 0.87109375 0.09765625 0.33984375
    0.97265625 0.30859375 0.01171875 0.98046875 0.58203125 0.99609375 0.35546875 0.49609375
    0.94921875 0.71484375 0.81640625 0.02734375 0.80859375 0.99609375 0.66796875 0.97265625
    0.05078125 0.55078125 0.39453125 0.23046875 0.27734375 0.42578125 0.47265625 0.10546875
    0.34765625 0.56640625 0.05078125 0.51171875 0.76171875 0.23046875 0.94140625 0.73828125
    0.32421875 0.44140625 0.98828125 0.45703125`,
  511: `0.001953125 0.501953125 0.408203125 0.845703125 0.353515625 0.876953125 0.744140625 0.462890625
    0.220703125 0.201171875 0.341796875 0.830078125 0.060546875 0.943359375 0.119140625 0.646484375
    0.560546875 0.255859375 0.904296875 0.130859375 0.662109375 0.783203125 0.646484375 0.833984375
    0.560546875 0.009765625 0.404296875 0.212890625 0.212890625 0.919921875 0.947265625 0.212890625
    0.517578125 0.740234375 0.787109375 0.474609375 0.126953125 0.658203125 0.361328125 0.236328125
    0.619140625 0.853515625 0.744140625 0.541015625 0.494140625 0.744140625 0.404296875 0.794921875
    0.052734375 0.013671875 0.865234375 0.748046875 0.982421875 0.935546875 0.134765625 0.669921875
    0.974609375 0.357421875 0.708984375 0.748046875 0.431640625 0.162109375 0.314453125 0.501953125
    0.572265625 0.630859375 0.255859375 0.927734375 0.021484375 0.951171875 0.248046875 0.462890625
    0.564453125 0.958984375 0.673828125 0.064453125 0.341796875 0.095703125 0.595703125 0.291015625
    0.310546875 0.439453125 0.529296875 0.224609375 0.818359375 0.146484375 0.884765625 0.876953125
    0.029296875 0.740234375 0.943359375 0.841796875 0.681640625 0.580078125 0.306640625 0.416015625
    0.423828125 0.486328125 0.935546875 0.423828125`,
  706: `0.7724609375 0.2001953125 0.1767578125 0.3544921875 0.9541015625 0.5615234375 0.6650390625 0.1318359375
    0.0224609375 0.8955078125 0.4580078125 0.6044921875 0.8193359375 0.4873046875 0.2939453125 0.8212890625
    0.4248046875 0.9091796875 0.9892578125 0.3017578125 0.3486328125 0.9423828125 0.7646484375 0.0732421875
    0.5771484375 0.8271484375 0.0498046875 0.8017578125 0.1044921875 0.2021484375 0.7978515625 0.1748046875
    0.6103515625 0.5361328125 0.1396484375 0.3115234375 0.4794921875 0.8330078125 0.4658203125 0.1064453125
    0.8525390625 0.8857421875 0.1259765625 0.1884765625 0.0341796875 0.5478515625 0.7021484375 0.8115234375
    0.5283203125 0.0478515625 0.8623046875 0.9794921875 0.7275390625 0.1826171875 0.5302734375 0.9326171875
    0.1826171875 0.4169921875 0.3623046875 0.5888671875 0.9443359375 0.2216796875 0.4990234375 0.6318359375
    0.4013671875 0.2724609375 0.2568359375 0.3037109375 0.7099609375 0.4208984375 0.6552734375 0.6123046875
    0.3701171875 0.9521484375 0.8701171875 0.3076171875 0.3564453125 0.0439453125 0.0908203125 0.9736328125
    0.3955078125 0.0205078125 0.2939453125 0.3173828125 0.9892578125 0.9345703125 0.6845703125 0.4267578125
    0.3720703125 0.8916015625 0.4853515625 0.2197265625 0.8447265625 0.2587890625 0.8056640625 0.4619140625
    0.6494140625 0.7900390625 0.0244140625 0.2900390625`,
  1023: `0.0009765625 0.7529296875 0.6123046875 0.1455078125 0.1865234375 0.4384765625 0.1396484375 0.6181640625
    0.3447265625 0.8505859375 0.6787109375 0.0361328125 0.1298828125 0.6650390625 0.3623046875 0.4638671875
    0.3134765625 0.8759765625 0.5849609375 0.3193359375 0.8662109375 0.0185546875 0.7939453125 0.1962890625
    0.2392578125 0.3759765625 0.5087890625 0.7607421875 0.8408203125 0.4345703125 0.9287109375 0.6142578125
    0.4521484375 0.8740234375 0.3330078125 0.8642578125 0.9423828125 0.9873046875 0.9013671875 0.6982421875
    0.6318359375 0.9736328125 0.9287109375 0.1083984375 0.4970703125 0.3115234375 0.9658203125 0.7626953125
    0.8427734375 0.8232421875 0.2587890625 0.1728515625 0.6591796875 0.4072265625 0.9072265625 0.1103515625
    0.7978515625 0.8603515625 0.7275390625 0.3525390625 0.1025390625 0.1962890625 0.7900390625 0.0400390625
    0.0986328125 0.4658203125 0.9658203125 0.5283203125 0.7861328125 0.5751953125 0.4970703125 0.0986328125
    0.5048828125 0.6455078125 0.3408203125 0.4892578125 0.1865234375 0.7529296875 0.5654296875 0.5263671875
    0.0146484375 0.0810546875 0.0224609375 0.8427734375 0.1240234375 0.4521484375 0.8466796875 0.8857421875
    0.8662109375 0.5498046875 0.4248046875 0.7529296875 0.4755859375 0.7568359375 0.9599609375 0.0224609375
    0.5224609375 0.9208984375 0.9716796875 0.5302734375`,
};

/** Returns whether x^s + (inner coefficients: the bits of a) + 1 is primitive over GF(2): x has order 2^s - 1. */
function isPrimitive(s: number, a: number): boolean {
  const poly = (1 << s) | (a << 1) | 1;
  let power = 1;
  for (let k = 1; k < 2 ** s; k++) {
    power <<= 1;
    if (power & (1 << s)) power ^= poly;
    if (power === 1) return k === 2 ** s - 1;
  }
  return false;
}

describe('JOE_KUO_DIRECTIONS', () => {
  it('lists, degree by degree, every primitive polynomial in increasing order, as Joe & Kuo do', () => {
    const degrees = [...new Set(JOE_KUO_DIRECTIONS.map((row) => row.length - 1))];
    expect(degrees).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const s of degrees) {
      const listed = JOE_KUO_DIRECTIONS.filter((row) => row.length - 1 === s).map((row) => row[0]);
      const primitive = range(2 ** Math.max(0, s - 1)).filter((a) => isPrimitive(s, a));
      // The table stops at dimension 128, part way through degree 10.
      expect(listed).toEqual(s < 10 ? primitive : primitive.slice(0, listed.length));
    }
  });

  it('has initial direction numbers m_j odd and below 2^j', () => {
    for (const [, ...m] of JOE_KUO_DIRECTIONS) {
      m.forEach((mj, j) => {
        expect(mj % 2).toBe(1);
        expect(mj).toBeLessThan(2 ** (j + 1));
      });
    }
  });
});

describe('sobolSequence', () => {
  it('gives the published first points in 2 dimensions (Joe & Kuo; scipy test_qmc)', () => {
    expect(sobolSequence(8, 2, 0)).toEqual([
      [0, 0],
      [0.5, 0.5],
      [0.75, 0.25],
      [0.25, 0.75],
      [0.375, 0.375],
      [0.875, 0.875],
      [0.625, 0.125],
      [0.125, 0.625],
    ]);
  });

  it('drops the zero point by default', () => {
    expect(sobolSequence(7, 2)).toEqual(sobolSequence(8, 2, 0).slice(1));
    expect(sobolSequence(1, 5)).toEqual([[0.5, 0.5, 0.5, 0.5, 0.5]]);
  });

  it("gives Joe & Kuo's first 10 points in 3 dimensions (SALib tests/test_sobol.py)", () => {
    expect(sobolSequence(10, 3, 0)).toEqual([
      [0, 0, 0],
      [0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25],
      [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625],
      [0.875, 0.875, 0.125],
      [0.625, 0.125, 0.875],
      [0.125, 0.625, 0.375],
      [0.1875, 0.3125, 0.9375],
      [0.6875, 0.8125, 0.4375],
    ]);
  });

  it("matches the output of Joe & Kuo's sobol.cc in 100 dimensions, stepping there or jumping by skip", () => {
    const points = sobolSequence(1024, 100, 0);
    for (const [i, line] of Object.entries(JOE_KUO_100)) {
      const expected = parseRow(line);
      expect(expected).toHaveLength(100);
      expect(points[Number(i)]).toEqual(expected);
      // A skip jumps straight to a point through its Gray code rather than stepping there.
      expect(sobolSequence(1, 100, Number(i))).toEqual([expected]);
    }
    expect(points[1]).toEqual(new Array(100).fill(0.5));
  });

  it('puts 2^m points once in each interval [i/2^m, (i+1)/2^m) of every dimension when skip is 0 or a multiple of 2^m', () => {
    for (let m = 0; m <= 10; m++) {
      const n = 2 ** m;
      for (const skip of [0, n, 3 * n]) {
        const points = sobolSequence(n, SOBOL_MAX_DIMS, skip);
        for (let d = 0; d < SOBOL_MAX_DIMS; d++) expect(strataOf(column(points, d), n)).toEqual(range(n));
      }
    }
  });

  it('loses that balance with skip = 1 (why Saltelli skips a power of two)', () => {
    const points = sobolSequence(8, 1, 1);
    expect(strataOf(column(points, 0), 8)).not.toEqual(range(8));
  });

  it('gives the same points whether skipped or generated and sliced', () => {
    fc.assert(
      fc.property(int(1, 200), int(0, 300), int(1, SOBOL_MAX_DIMS), (n, skip, dims) => {
        expect(sobolSequence(n, dims, skip)).toEqual(sobolSequence(n + skip, dims, 0).slice(skip));
      }),
      { numRuns: 50 },
    );
  });

  it('reaches the last point of the 32-bit sequence, all values in [0, 1)', () => {
    const [last] = sobolSequence(1, SOBOL_MAX_DIMS, 2 ** 32 - 1);
    expect(last[0]).toBe(2 ** -32);
    for (const x of last) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect(sobolSequence(2, 3, 2 ** 32 - 2)[1]).toEqual(last.slice(0, 3));
  });

  it('supports 128 dimensions and rejects more, naming the limit', () => {
    expect(SOBOL_MAX_DIMS).toBe(128);
    expect(sobolSequence(4, 128)[0]).toHaveLength(128);
    expect(() => sobolSequence(4, 129)).toThrow(RangeError);
    expect(() => sobolSequence(4, 129)).toThrow(/dims must be at most 128/);
  });

  it('rejects sizes it cannot honour', () => {
    expect(() => sobolSequence(0, 2)).toThrow(/n \(the number of points\) must be a positive integer, not 0/);
    expect(() => sobolSequence(2.5, 2)).toThrow(RangeError);
    expect(() => sobolSequence(2, 0)).toThrow(/dims \(the number of dimensions\) must be a positive integer/);
    expect(() => sobolSequence(2, 2, -1)).toThrow(/skip .* must be a non-negative integer, not -1/);
    expect(() => sobolSequence(2, 2, 2 ** 32 - 1)).toThrow(/skip \+ n must be at most 2\^32/);
  });
});

describe('saltelliSample', () => {
  it('lays out A, AB^(1)..AB^(k), B per base point, from the 2k-dimensional Sobol’ points', () => {
    // Points 1 and 2 in 4 dimensions are (0.5, 0.5, 0.5, 0.5) and (0.75, 0.25, 0.25, 0.25).
    expect(saltelliSample(2, 2, 1)).toEqual([
      [0.5, 0.5],
      [0.5, 0.5],
      [0.5, 0.5],
      [0.5, 0.5],
      [0.75, 0.25],
      [0.25, 0.25],
      [0.75, 0.25],
      [0.25, 0.25],
    ]);
  });

  it('has n blocks of k + 2 rows: A_j, then A_j with column i from B_j for each i, then B_j', () => {
    fc.assert(
      fc.property(int(1, 40), int(1, 64), int(0, 100), (n, k, skip) => {
        const rows = saltelliSample(n, k, skip);
        const block = saltelliBlock(k);
        expect(block).toBe(k + 2);
        expect(rows).toHaveLength(n * block);
        const base = sobolSequence(n, 2 * k, skip);
        for (let j = 0; j < n; j++) {
          const a = rows[j * block];
          const b = rows[j * block + k + 1];
          expect(a).toEqual(base[j].slice(0, k));
          expect(b).toEqual(base[j].slice(k));
          for (let i = 0; i < k; i++) {
            expect(rows[j * block + 1 + i]).toEqual(a.map((x, c) => (c === i ? b[i] : x)));
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('skips, by default, the least power of two at least n and at least 16 (as SALib does)', () => {
    const firstA = (rows: number[][], k: number) => rows.filter((_, r) => r % saltelliBlock(k) === 0);
    expect(firstA(saltelliSample(4, 3), 3)).toEqual(sobolSequence(4, 6, 16).map((p) => p.slice(0, 3)));
    expect(firstA(saltelliSample(100, 2), 2)).toEqual(sobolSequence(100, 4, 128).map((p) => p.slice(0, 2)));
    expect(firstA(saltelliSample(256, 2), 2)).toEqual(sobolSequence(256, 4, 256).map((p) => p.slice(0, 2)));
  });

  it('supports 64 parameters (2k = 128 Sobol’ dimensions) and rejects 65', () => {
    expect(saltelliSample(2, 64)).toHaveLength(2 * 66);
    expect(() => saltelliSample(2, 65)).toThrow(/k must be at most 64/);
    expect(() => saltelliSample(0, 3)).toThrow(/n \(the number of base points\) must be a positive integer/);
    expect(() => saltelliSample(4, 0)).toThrow(/k \(the number of parameters\) must be a positive integer/);
  });
});

describe('latinHypercube', () => {
  it('puts exactly one value in each stratum [i/n, (i+1)/n) of every column, for any n, k and seed', () => {
    fc.assert(
      fc.property(int(1, 60), int(1, 8), anySeed, (n, k, seed) => {
        const rows = latinHypercube(n, k, createRng(seed));
        expect(rows).toHaveLength(n);
        for (const row of rows) expect(row).toHaveLength(k);
        for (let j = 0; j < k; j++) {
          const values = column(rows, j);
          expect(strataOf(values, n)).toEqual(range(n));
          for (const x of values) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });

  it('permutes each column independently and places values at random inside their strata', () => {
    const rows = latinHypercube(50, 3, createRng(7));
    const order = (j: number) => rows.map((row) => Math.floor(row[j] * 50));
    expect(order(0)).not.toEqual(order(1));
    expect(order(1)).not.toEqual(order(2));
    const offsets = rows.flatMap((row) => row.map((x) => x * 50 - Math.floor(x * 50)));
    expect(new Set(offsets).size).toBe(offsets.length);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(latinHypercube(20, 4, createRng(3))).toEqual(latinHypercube(20, 4, createRng(3)));
    expect(latinHypercube(20, 4, createRng(4))).not.toEqual(latinHypercube(20, 4, createRng(3)));
  });

  it('rejects sizes that are not positive integers', () => {
    expect(() => latinHypercube(0, 2, createRng(1))).toThrow(/n \(the number of rows\) must be a positive integer, not 0/);
    expect(() => latinHypercube(5, 1.5, createRng(1))).toThrow(/k \(the number of columns\) must be a positive integer, not 1.5/);
  });
});

describe('randomSample', () => {
  it('gives n rows of k values in [0, 1)', () => {
    const rows = randomSample(30, 4, createRng(11));
    expect(rows).toHaveLength(30);
    for (const row of rows) {
      expect(row).toHaveLength(4);
      for (const x of row) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThan(1);
      }
    }
  });

  it('keeps its first rows when n grows, and is the same for the same seed', () => {
    fc.assert(
      fc.property(int(1, 30), int(0, 30), int(1, 6), anySeed, (n, more, k, seed) => {
        expect(randomSample(n + more, k, createRng(seed)).slice(0, n)).toEqual(randomSample(n, k, createRng(seed)));
      }),
      { numRuns: 50 },
    );
    expect(randomSample(5, 2, createRng(2))).not.toEqual(randomSample(5, 2, createRng(1)));
  });

  it('rejects sizes that are not positive integers', () => {
    expect(() => randomSample(-1, 2, createRng(1))).toThrow(/n \(the number of rows\) must be a positive integer, not -1/);
    expect(() => randomSample(3, 0, createRng(1))).toThrow(RangeError);
  });
});

describe('morrisTrajectories', () => {
  it('gives r trajectories of k + 1 rows on the p-level grid, each step one factor by ±Δ, each factor once', () => {
    fc.assert(
      fc.property(int(1, 8), int(1, 10), fc.constantFrom(2, 4, 6, 8, 10), anySeed, (r, k, p, seed) => {
        const rows = morrisTrajectories(r, k, p, createRng(seed));
        const delta = p / (2 * (p - 1));
        expect(rows).toHaveLength(r * (k + 1));
        for (const row of rows) {
          expect(row).toHaveLength(k);
          for (const x of row) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(1);
            expect(Math.abs(x * (p - 1) - Math.round(x * (p - 1)))).toBeLessThan(1e-9);
          }
        }
        for (let t = 0; t < r; t++) {
          const moved: number[] = [];
          for (let s = 0; s < k; s++) {
            const before = rows[t * (k + 1) + s];
            const after = rows[t * (k + 1) + s + 1];
            const changed = range(k).filter((i) => before[i] !== after[i]);
            expect(changed).toHaveLength(1);
            const step = morrisStep(rows, t, s);
            expect(step.factor).toBe(changed[0]);
            expect(Math.abs(Math.abs(step.delta) - delta)).toBeLessThan(1e-12);
            // The lower end of every move is a base level, in [0, 1 - Δ].
            expect(Math.min(before[step.factor], after[step.factor])).toBeLessThanOrEqual(1 - delta + 1e-12);
            moved.push(step.factor);
          }
          expect(moved.sort((a, b) => a - b)).toEqual(range(k));
        }
      }),
    );
  });

  it('moves factors both up and down, in more than one order', () => {
    const k = 5;
    const r = 40;
    const rows = morrisTrajectories(r, k, 4, createRng(21));
    const steps = range(r).flatMap((t) => range(k).map((s) => morrisStep(rows, t, s)));
    expect(steps.some((step) => step.delta > 0)).toBe(true);
    expect(steps.some((step) => step.delta < 0)).toBe(true);
    const orders = new Set(
      range(r).map((t) =>
        steps
          .slice(t * k, (t + 1) * k)
          .map((step) => step.factor)
          .join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  it('with p = 2 moves between 0 and 1 (Δ = 1)', () => {
    const rows = morrisTrajectories(3, 4, 2, createRng(5));
    for (const row of rows) for (const x of row) expect([0, 1]).toContain(x);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(morrisTrajectories(4, 3, 4, createRng(9))).toEqual(morrisTrajectories(4, 3, 4, createRng(9)));
    expect(morrisTrajectories(4, 3, 4, createRng(10))).not.toEqual(morrisTrajectories(4, 3, 4, createRng(9)));
  });

  it('rejects an odd or too small number of levels, and sizes that are not positive integers', () => {
    expect(() => morrisTrajectories(2, 3, 5, createRng(1))).toThrow(/levels must be an even integer of at least 2/);
    expect(() => morrisTrajectories(2, 3, 0, createRng(1))).toThrow(RangeError);
    expect(() => morrisTrajectories(2, 3, 4.5, createRng(1))).toThrow(RangeError);
    expect(() => morrisTrajectories(0, 3, 4, createRng(1))).toThrow(/r \(the number of trajectories\) must be a positive/);
    expect(() => morrisTrajectories(2, 0, 4, createRng(1))).toThrow(/k \(the number of factors\) must be a positive integer/);
  });
});

describe('morrisStep', () => {
  it('rejects a step outside the design, or rows that change more than one factor', () => {
    const rows = morrisTrajectories(2, 3, 4, createRng(1));
    expect(() => morrisStep(rows, 2, 0)).toThrow(/outside a design of 8 rows of 3 factors/);
    expect(() => morrisStep(rows, 0, 3)).toThrow(RangeError);
    expect(() =>
      morrisStep(
        [
          [0, 0],
          [1, 1],
          [1, 0],
        ],
        0,
        0,
      ),
    ).toThrow(/changes 2 factors, not one/);
  });
});
