// A small pool of worker threads running src/parallel/worker.ts. Partner files
// and documents are independent, so they are parsed and rendered side by side;
// results come back in the order the tasks were given, so the output is the
// same bytes whatever the pool size.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { perform, type Task, type TaskResult } from './tasks.js';

/**
 * Threads to use: LSP_RESPOND_WORKERS when set (0 or 1: none), else one per
 * core but one. V8's garbage collector already works on a second core while
 * Markdown is parsed: on 2 cores two parsing threads were measured no faster
 * than one (bench/README.md), so the pool starts from 3 cores.
 */
export function poolSize(): number {
  const asked = process.env.LSP_RESPOND_WORKERS;
  if (asked !== undefined && /^\d+$/.test(asked)) return Number(asked);
  return availableParallelism() - 1;
}

/** Whether LSP_RESPOND_WORKERS asks for threads whatever the size of the work (tests use it). */
export function poolForced(): boolean {
  return process.env.LSP_RESPOND_WORKERS !== undefined && poolSize() > 1;
}

/** Runs tasks on worker threads, or on this thread when there is no pool. */
export interface Runner {
  run(task: Task): Promise<TaskResult>;
  /** How many tasks it is worth keeping in flight. */
  readonly width: number;
}

export const ON_THIS_THREAD: Runner = { run: perform, width: 1 };

interface Pending {
  task: Task;
  resolve: (r: TaskResult) => void;
  reject: (e: Error) => void;
}

/**
 * A worker that dies (an uncaught error, process.exit, out of memory) fails
 * its task and every task after it: the pool does not limp on with fewer
 * threads, and nothing waits for a reply that will never come. The command
 * then ends with an internal error.
 */
export class Pool implements Runner {
  private readonly idle: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly all: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private broken: Error | null = null;
  private closing = false;

  /** `script` is the worker's module: the bundle puts worker.js beside the chunk holding this code (dist/). */
  constructor(
    readonly width: number,
    script: URL = new URL('./worker.js', import.meta.url),
  ) {
    for (let i = 0; i < width; i++) {
      const worker = new Worker(script);
      worker.on('message', (result: TaskResult) => this.done(worker, result));
      worker.on('error', (e) => this.died(worker, e));
      worker.on('exit', (code) => this.died(worker, new Error(`a worker thread stopped (exit code ${code})`)));
      // An idle worker must not keep the process alive.
      worker.unref();
      this.all.push(worker);
      this.idle.push(worker);
    }
  }

  run(task: Task): Promise<TaskResult> {
    return new Promise((resolve, reject) => {
      if (this.broken) return reject(this.broken);
      this.queue.push({ task, resolve, reject });
      this.next();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.all.map((w) => w.terminate()));
  }

  private next(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const pending = this.queue.shift()!;
      this.busy.set(worker, pending);
      worker.ref();
      worker.postMessage(pending.task);
    }
  }

  private done(worker: Worker, result: TaskResult): void {
    const pending = this.busy.get(worker);
    this.busy.delete(worker);
    worker.unref();
    this.idle.push(worker);
    pending?.resolve(result);
    this.next();
  }

  private died(worker: Worker, error: Error): void {
    if (this.closing) return;
    // An error is followed by an exit; the first says more.
    this.broken ??= new Error(
      `${error.message.startsWith('a worker thread') ? '' : 'a worker thread failed: '}${error.message}`,
    );
    const failed = [...this.busy.values(), ...this.queue.splice(0)];
    this.busy.clear();
    this.idle.splice(0);
    for (const pending of failed) pending.reject(this.broken);
    for (const other of this.all) if (other !== worker) void other.terminate();
  }
}

/** Below this much Markdown, starting threads costs more than it saves. */
const THREAD_THRESHOLD = 256 * 1024;

/** The pool of one command run, started only when the work is large enough to gain from it. */
export class Threads {
  private pool: Pool | null = null;

  /** A runner for work on `bytes` of input. */
  for(bytes: number): Runner {
    const size = poolSize();
    if (poolForced() || (size > 1 && bytes >= THREAD_THRESHOLD)) this.pool ??= new Pool(size);
    return this.active;
  }

  /** The pool if one was started, else this thread. */
  get active(): Runner {
    return this.pool ?? ON_THIS_THREAD;
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}

/** Runs `work` with threads of its own, closed when it ends however it ends. */
export async function withThreads<T>(work: (threads: Threads) => Promise<T>): Promise<T> {
  const threads = new Threads();
  try {
    return await work(threads);
  } finally {
    await threads.close();
  }
}
