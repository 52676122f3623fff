// Regenerates the golden summaries of the example corpus (test/golden/<name>.json) from the shipped
// scenarios. Run it when the model changes on purpose, review the diff, and commit it:
//   npx tsx test/golden/update.ts        (or: npm run golden)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { exampleNames, goldenPath, goldenSummary, goldenText, runExample } from './summary.ts';

for (const name of exampleNames()) {
  const text = goldenText(goldenSummary(runExample(name)));
  const path = goldenPath(name);
  const before = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  writeFileSync(path, text);
  process.stdout.write(`${before === text ? 'unchanged' : before === undefined ? 'created  ' : 'updated  '} test/golden/${name}.json\n`);
}
