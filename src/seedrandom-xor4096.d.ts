// Types for seedrandom's xor4096 generator imported from its own file (@types/seedrandom types only the index).
declare module 'seedrandom/lib/xor4096.js' {
  import type seedrandom from 'seedrandom';

  /** Returns Brent's xor4096 generator seeded from a string, or resumed from a saved state. */
  const xor4096: seedrandom['xor4096'];
  export default xor4096;
}
