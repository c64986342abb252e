#!/usr/bin/env node
// The floor for a remark-based linter: find the Markdown files of a handbook, read them and
// parse each with unified + remark-parse + remark-frontmatter, and nothing else.
//
//   node bench/floor.mjs DIR [--jobs N]
//
// With --jobs N > 1 the files are split over N worker threads in contiguous batches, as the
// charters CLI does. Prints one JSON line: { files, bytes, nodes } (nodes: a checksum that the
// trees were really built).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

function parseFiles(files) {
  let bytes = 0;
  let nodes = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    bytes += text.length;
    const tree = processor.parse(text);
    nodes += tree.children.length;
  }
  return { files: files.length, bytes, nodes };
}

function discover(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...discover(p));
    else if (e.isFile() && /\.md$/i.test(e.name)) out.push(p);
  }
  return out;
}

if (!isMainThread) {
  parentPort.postMessage(parseFiles(workerData.files));
} else {
  const dir = process.argv[2];
  const j = process.argv.indexOf('--jobs');
  const jobs = j >= 0 ? Number(process.argv[j + 1]) : 1;
  const files = discover(dir).sort();
  if (jobs <= 1) {
    console.log(JSON.stringify(parseFiles(files)));
  } else {
    const size = Math.ceil(files.length / jobs);
    const parts = [];
    for (let i = 0; i < jobs; i++) parts.push(files.slice(i * size, (i + 1) * size));
    const results = await Promise.all(
      parts.map(
        (part) =>
          new Promise((resolve, reject) => {
            const w = new Worker(new URL(import.meta.url), { workerData: { files: part } });
            w.once('message', resolve);
            w.once('error', reject);
          }),
      ),
    );
    const sum = results.reduce((a, r) => ({ files: a.files + r.files, bytes: a.bytes + r.bytes, nodes: a.nodes + r.nodes }), { files: 0, bytes: 0, nodes: 0 });
    console.log(JSON.stringify(sum));
  }
}
