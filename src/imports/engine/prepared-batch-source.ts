// The writing side's end of the preparation thread: the next prepared batch, awaited or — for a writer that holds a
// database transaction and must not yield — waited for synchronously.
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { AppError } from '../../shared/app-error.js';
import { SENT, TAKEN, type ThreadMessage } from './preparation-messages.js';
import type { PreparationSettings } from './preparation-thread.js';
import type { PreparedBatch } from './prepared-batches.js';
import { THREAD_HEAP_LIMITS } from '../../jobs/worker.js';
import { wholeReadHeapMb } from '../reading/index.js';

export type PreparedBatchSource = {
  headers: string[];
  /** The next batch, or null at the end of the file. */
  next(): Promise<PreparedBatch | null>;
  /** The same, blocking this thread until the batch is there. */
  nextSync(): PreparedBatch | null;
  /** Source records read in all (known once the end is reached). */
  recordsRead(): number | null;
  close(): Promise<void>;
};

const THREAD_URL = new URL('./preparation-thread.js', import.meta.url);

export async function startPreparation(settings: Omit<PreparationSettings, 'signal' | 'port'>): Promise<PreparedBatchSource> {
  const signalBuffer = new SharedArrayBuffer(8);
  const signal = new Int32Array(signalBuffer);
  // Batches come back on a port of their own, read with receiveMessageOnPort (which also works without yielding).
  const { port1: port, port2 } = new MessageChannel();
  const worker = new Worker(THREAD_URL, {
    workerData: { ...settings, signal: signalBuffer, port: port2 } satisfies PreparationSettings,
    transferList: [port2],
    // A file read whole (XLS) needs its whole parse in the heap, bounded by the format's size cap, not by a batch.
    resourceLimits: { ...THREAD_HEAP_LIMITS, maxOldGenerationSizeMb: Math.max(THREAD_HEAP_LIMITS.maxOldGenerationSizeMb, await wholeReadHeapMb(settings.path, settings.read.displayName)) },
  });
  let isEnded = false;
  let total: number | null = null;
  let threadError: Error | null = null;
  worker.on('error', (error) => {
    threadError = error;
    Atomics.add(signal, SENT, 1);
    Atomics.notify(signal, SENT);
  });

  const take = (message: ThreadMessage): PreparedBatch | null | 'opened' => {
    switch (message.kind) {
      case 'opened':
        return 'opened';
      case 'batch':
        Atomics.add(signal, TAKEN, 1);
        Atomics.notify(signal, TAKEN);
        return message.batch;
      case 'end':
        isEnded = true;
        total = message.recordsRead;
        return null;
      case 'error':
        isEnded = true;
        throw new AppError(message.code, message.message, message.details);
    }
  };

  const receive = (): ThreadMessage | undefined => {
    const received = receiveMessageOnPort(port);
    return received?.message as ThreadMessage | undefined;
  };

  async function nextMessage(): Promise<ThreadMessage> {
    for (;;) {
      const seen = Atomics.load(signal, SENT);
      const message = receive();
      if (message) return message;
      if (threadError) throw threadError;
      const waiting = Atomics.waitAsync(signal, SENT, seen, 1000);
      if (waiting.async) await waiting.value;
    }
  }

  function nextMessageSync(): ThreadMessage {
    for (;;) {
      const seen = Atomics.load(signal, SENT);
      const message = receive();
      if (message) return message;
      if (threadError) throw threadError;
      Atomics.wait(signal, SENT, seen, 1000);
    }
  }

  const first = await nextMessage().catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });
  let headers: string[] = [];
  try {
    if (first.kind !== 'opened') take(first);
    if (first.kind === 'opened') headers = first.headers;
  } catch (error) {
    await worker.terminate();
    throw error;
  }

  return {
    headers,
    async next() {
      if (isEnded) return null;
      const taken = take(await nextMessage());
      return taken === 'opened' ? null : taken;
    },
    nextSync() {
      if (isEnded) return null;
      const taken = take(nextMessageSync());
      return taken === 'opened' ? null : taken;
    },
    recordsRead: () => total,
    async close() {
      port.postMessage({ kind: 'stop' });
      port.close();
      await worker.terminate();
    },
  };
}
