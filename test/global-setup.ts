// Before any test: dist/ is rebuilt (scripts/build.js, JavaScript only: under a second) when src/ changed since it was
// built, so that the tests that start bin/partnersim.js, and the classroom page's bundle, run the code under test.
import { buildJs, isBuildStale } from '../scripts/build.js';

export default async function setup(): Promise<void> {
  if (isBuildStale()) await buildJs();
}
