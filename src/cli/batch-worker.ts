/** A batch worker thread: converts the inputs the main thread sends, one at a time, and answers with index lines. */
import { parentPort } from 'node:worker_threads';
import { convertOne, type Task } from './convert-one.js';

if (!parentPort) throw new Error('batch-worker must run in a worker thread');
const port = parentPort;
port.on('message', async (message: { id: number; task: Task }) => {
  const entry = await convertOne(message.task);
  port.postMessage({ id: message.id, entry });
});
