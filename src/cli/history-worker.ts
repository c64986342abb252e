/**
 * Entry of dist/history-worker.js: a worker thread of the history reader (history.ts) that lints
 * the blob texts it is sent and answers with their facts, in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../core/config';
import { charterFacts, type CharterFacts } from '../core/history';
import { Linter } from '../core/lint';
import type { Lang } from '../core/types';

export interface HistoryWorkerData {
  config: ResolvedConfig;
  lang: Lang;
  today: string;
}

/** One blob to lint: its text, and whether the config's `include` makes it a charter. */
export interface HistoryWorkItem {
  text: string;
  force: boolean;
}

if (parentPort) {
  const port = parentPort;
  const job = workerData as HistoryWorkerData;
  const linter = new Linter(job.config, job.lang);
  port.on('message', (items: HistoryWorkItem[]) => {
    const facts: (CharterFacts | null)[] = items.map((item) => charterFacts(linter.lintText('history.md', item.text, { forceCharter: item.force, today: job.today }), linter.lookup) ?? null);
    port.postMessage(facts);
  });
}
