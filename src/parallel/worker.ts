// The worker thread's side of the pool: each message is a task, each reply its result.
import { parentPort } from 'node:worker_threads';
import { perform, type Task } from './tasks.js';

parentPort?.on('message', (task: Task) => {
  void perform(task).then((result) => parentPort?.postMessage(result));
});
