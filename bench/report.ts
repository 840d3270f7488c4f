import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { LoadResult } from './load.ts';

const DOC = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
const MARKER = '<!-- results: newest first; bench/run.ts inserts below this line -->';

export function machine() {
  return {
    machine: `${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory`,
    node: process.version,
  };
}

/** The dated Markdown section for one run; written into docs/benchmarks.md when `write` is set. */
export function writeSection(results: LoadResult[], info: Record<string, unknown>, write: boolean): string {
  const bare = results[0]!;
  const rows = results.map((r, i) =>
    `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${i === 0 ? '1' : (r.rps / bare.rps).toFixed(3)} |`);
  const when = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const db = String(info.database);
  const lines = [
    `### ${when} — ${db.startsWith('PGlite') ? 'PGlite' : 'PostgreSQL'}`,
    '',
    ...Object.entries(info).map(([k, v]) => `- ${k}: ${typeof v === 'object' ? JSON.stringify(v).replace(/[{}"]/g, '').replace(/,/g, ', ').replace(/:/g, ' ') : v}`),
    '',
    '| path | req/s | p50 ms | p99 ms | ratio to bare |',
    '|---|---:|---:|---:|---:|',
    ...rows,
    '',
  ];
  const section = lines.join('\n');
  if (write) {
    const doc = readFileSync(DOC, 'utf8');
    if (!doc.includes(MARKER)) throw new Error(`${DOC} lacks the results marker`);
    writeFileSync(DOC, doc.replace(MARKER, `${MARKER}\n\n${section}`));
  }
  return section;
}
