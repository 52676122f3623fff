// `npm run odd`: writes docs/ODD.md §8's parameter tables from the lever and parameter tables (a test fails while they are stale).
import { readFileSync, writeFileSync } from 'node:fs';
import { withOddParameterTables } from '../src/report/odd-tables.ts';

const path = new URL('../docs/ODD.md', import.meta.url);
writeFileSync(path, withOddParameterTables(readFileSync(path, 'utf8')));
console.log('wrote docs/ODD.md §8 parameter tables');
