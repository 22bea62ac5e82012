// Renders one publication PDF off the main thread: laying out a whole publication takes seconds of CPU, which would
// otherwise stall every other request of this single-process server (and its embedded database).
import { parentPort, workerData } from 'node:worker_threads';
import { renderPublicationPdf, type PdfBook } from './pdf-render.ts';

const bytes = await renderPublicationPdf(workerData as PdfBook);
parentPort!.postMessage(bytes);
