// Prints each failed Playwright test with the first lines of its error, read from the JSON
// report (scripts/test.sh calls it last, so a CI log that keeps only its tail still says why).
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const plain = (s) => s.replace(/\u001b\[[0-9;]*m/g, '');

function* failed(suite) {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      const bad = (test.results ?? []).filter((r) => r.status === 'failed' || r.status === 'timedOut');
      if (bad.length > 0 && test.status === 'unexpected') yield { spec, result: bad[bad.length - 1] };
    }
  }
  for (const child of suite.suites ?? []) yield* failed(child);
}

for (const top of report.suites ?? []) {
  for (const { spec, result } of failed(top)) {
    console.log(`✘ ${spec.file}:${spec.line} › ${spec.title} (${result.status})`);
    const errors = result.errors?.length ? result.errors : [result.error ?? {}];
    for (const e of errors) {
      const lines = plain(e.message ?? e.stack ?? '').split('\n').filter((l) => l.trim() !== '');
      for (const l of lines.slice(0, 12)) console.log(`    ${l}`);
    }
  }
}
