/** Entry of dist/worker.js: a worker thread of `charters lint` that lints the batches it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { serveWorker, type LintJob } from './pool';

if (parentPort) serveWorker(workerData as LintJob, parentPort);
