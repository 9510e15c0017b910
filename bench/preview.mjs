#!/usr/bin/env node
// Preview speed on a 1 GB CSV: previewSource must read only the head of the file (and a few
// slices for encoding detection), so it takes milliseconds whatever the file's size.
//
//   npm run build && node bench/preview.mjs [--runs 7] [--json]
//
// The 1 GB file is made once under bench/data/ (git-ignored) by repeating the rows of
// bench/data/customers-1m.csv, itself made by ../shared/bench/gen-customers.mjs when missing,
// and reused afterwards. scripts/bench.mjs calls runPreviewBench() and records what it returns.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'bench', 'data');
const sourceCsv = join(dataDir, 'customers-1m.csv');
const bigCsv = join(dataDir, 'customers-1gb.csv');
const generator = resolve(root, '..', 'shared', 'bench', 'gen-customers.mjs');
const TARGET_BYTES = 1024 ** 3;

/** Times previewSource on a 1 GB CSV; returns the median over `runs` and the file's size. */
export async function runPreviewBench({ runs = 7, log = console.log } = {}) {
  const readingModule = join(root, 'dist', 'src', 'imports', 'reading', 'index.js');
  if (!existsSync(readingModule)) throw new Error(`${readingModule} is missing: run \`npm run build\` first.`);
  const { previewSource } = await import(pathToFileURL(readingModule).href);
  const fileBytes = await ensureBigCsv(log);

  const times = [];
  let peakRssBytes = process.memoryUsage().rss;
  let preview;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    preview = await previewSource(bigCsv);
    times.push(performance.now() - started);
    peakRssBytes = Math.max(peakRssBytes, process.memoryUsage().rss);
  }
  if (preview.rows.length !== 10 || preview.headers[0] !== 'name') throw new Error(`unexpected preview: ${JSON.stringify(preview).slice(0, 300)}`);
  const sorted = [...times].sort((a, b) => a - b);
  const previewMs = Number(sorted[Math.floor(sorted.length / 2)].toFixed(1));
  const result = { previewMs, fileBytes, runs, firstRunMs: Number(times[0].toFixed(1)), peakRssBytes };
  log(`preview of a ${(fileBytes / 1024 ** 3).toFixed(2)} GiB CSV: median ${previewMs} ms over ${runs} runs (first ${result.firstRunMs} ms), peak RSS ${Math.round(peakRssBytes / 1024 ** 2)} MiB`);
  return result;
}

/** Makes bench/data/customers-1gb.csv once (header, then the 1M rows over and over); returns its size. */
async function ensureBigCsv(log) {
  if (existsSync(bigCsv) && statSync(bigCsv).size >= TARGET_BYTES) return statSync(bigCsv).size;
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(sourceCsv)) {
    if (!existsSync(generator)) throw new Error(`${sourceCsv} is missing and so is the generator ${generator}.`);
    log(`making ${sourceCsv} (1,000,000 rows) …`);
    const made = spawnSync(process.execPath, [generator, '1000000', sourceCsv], { stdio: 'inherit' });
    if (made.status !== 0) throw new Error(`the generator failed with status ${made.status}`);
  }
  log(`making ${bigCsv} (about 1 GiB) from ${sourceCsv} …`);
  const sourceBytes = statSync(sourceCsv).size;
  const headerBytes = await firstLineLength(sourceCsv);
  const partial = `${bigCsv}.partial`;
  const out = createWriteStream(partial);
  let written = await copy(createReadStream(sourceCsv, { end: headerBytes - 1 }), out);
  while (written < TARGET_BYTES) {
    written += await copy(createReadStream(sourceCsv, { start: headerBytes, end: sourceBytes - 1 }), out);
  }
  await new Promise((done, fail) => out.end((error) => (error ? fail(error) : done())));
  renameSync(partial, bigCsv);
  return statSync(bigCsv).size;
}

async function firstLineLength(path) {
  let length = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) {
    const lineFeed = chunk.indexOf(0x0a);
    if (lineFeed >= 0) return length + lineFeed + 1;
    length += chunk.length;
  }
  return length;
}

/** Copies a stream into `out` without ending it; resolves with the bytes copied. */
async function copy(input, out) {
  let bytes = 0;
  for await (const chunk of input) {
    bytes += chunk.length;
    if (!out.write(chunk)) await new Promise((done) => out.once('drain', done));
  }
  return bytes;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const result = await runPreviewBench({ runs: runsAt >= 0 ? Number(args[runsAt + 1]) : 7 });
  if (args.includes('--json')) console.log(JSON.stringify(result));
}
