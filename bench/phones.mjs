#!/usr/bin/env node
// Phone normalisation speed: libphonenumber-js (the reference) against the fast normaliser, on the
// `phone` and `mobile` values of /work/shared/bench/gen-customers.mjs output, default country US.
//
//   npx tsc -p tsconfig.json && node bench/phones.mjs [rows=200000] [--country US] [--module path]
//   npx tsx bench/phones.mjs --module ../src/phones/phone-normalisation.ts   (without building)
//
// Also checks that both give the same answer for every value, and prints what the values became.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const modulePath = option('--module', '../dist/src/phones/phone-normalisation.js');
const country = option('--country', 'US');
const generator = option('--generator', '/work/shared/bench/gen-customers.mjs');
const rows = Number(args[0] ?? 200000);

const { createPhoneNormaliser, normalisePhoneReference } = await import(new URL(modulePath, import.meta.url).href);

const values = readPhoneValues(rows);
console.log(`${values.length} phone values from ${rows} generated rows (phone + mobile, blanks included), default country ${country}`);

const fast = createPhoneNormaliser(country);
const reference = (raw) => normalisePhoneReference(raw, country);

// Warm up both (JIT, lazily compiled plans), then time several passes and keep the best.
run(reference, values.slice(0, 20000));
run(fast, values);
// Blank cells are a third of the values and cost nothing; report the non-blank ones on their own too.
const nonBlank = values.filter((raw) => raw.trim() !== '');
for (const [label, list] of [['all values', values], ['non-blank values', nonBlank]]) {
  const referenceRate = best(reference, list.slice(0, 100000), 2);
  const fastRate = best(fast, list, 5);
  console.log(`${label} (${list.length}):`);
  console.log(`  reference (libphonenumber-js/max): ${format(referenceRate).padStart(10)} numbers/s`);
  console.log(`  fast normaliser:                   ${format(fastRate).padStart(10)} numbers/s  (${(fastRate / referenceRate).toFixed(1)}x)`);
}

let mismatches = 0;
const outcomes = new Map();
for (const raw of values) {
  const a = reference(raw);
  const b = fast(raw);
  if (JSON.stringify(a) !== JSON.stringify(b)) {
    if (mismatches++ < 5) console.log('MISMATCH', JSON.stringify(raw), a, b);
  }
  const key = a.ok ? `ok ${a.country}` : a.reason;
  outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
}
console.log(`results: ${[...outcomes].map(([k, n]) => `${k}: ${n}`).join(', ')}`);
console.log(mismatches === 0 ? 'fast == reference for every value' : `${mismatches} MISMATCHES`);
process.exitCode = mismatches === 0 ? 0 : 1;

function run(normalise, list) {
  let valid = 0;
  for (let i = 0; i < list.length; i++) if (normalise(list[i]).ok) valid++;
  return valid;
}

function best(normalise, list, passes) {
  let bestRate = 0;
  for (let pass = 0; pass < passes; pass++) {
    const started = process.hrtime.bigint();
    run(normalise, list);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    bestRate = Math.max(bestRate, list.length / seconds);
  }
  return bestRate;
}

function format(rate) {
  return Math.round(rate).toLocaleString('en-US');
}

function readPhoneValues(count) {
  if (!existsSync(generator)) throw new Error(`Generator not found: ${generator}; pass --generator <path>.`);
  const dir = mkdtempSync(join(tmpdir(), 'phones-bench-'));
  try {
    const file = join(dir, 'customers.csv');
    const generated = spawnSync(process.execPath, [generator, String(count), file], { stdio: 'inherit' });
    if (generated.status !== 0) throw new Error(`Generator failed with status ${generated.status}`);
    const records = parseCsv(readFileSync(file, 'utf8'));
    const header = records.shift() ?? [];
    const columns = ['phone', 'mobile'].map((name) => header.indexOf(name));
    const found = [];
    for (const record of records) for (const column of columns) found.push(record[column] ?? '');
    return found;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { record.push(field); field = ''; }
    else if (ch === '\n') { record.push(field); records.push(record); record = []; field = ''; }
    else if (ch !== '\r') field += ch;
  }
  if (field !== '' || record.length > 0) { record.push(field); records.push(record); }
  return records;
}
