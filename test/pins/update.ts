// Writes test/pins/outputs.json: the SHA-256 of each shipped scenario's output files (its golden run). Run it only
// when a change is meant to move the model's output (a scientific change, named in the commit), never to make a test pass.
import { writeFileSync } from 'node:fs';
import { outputHashes, PINS_PATH } from './outputs.ts';

writeFileSync(PINS_PATH, JSON.stringify(outputHashes(), null, 2) + '\n');
console.log(`wrote ${PINS_PATH}`);
