// The reading side of an import in a thread of its own: read → map → validate & normalise, batch by batch, handed to
// the writing side through a port, so that parsing and writing run on two cores at once.
import { workerData, type MessagePort } from 'node:worker_threads';
import { isAppError } from '../../shared/app-error.js';
import { createPhoneNormaliser } from '../../phones/phone-normalisation.js';
import { openSource } from '../reading/index.js';
import type { ReadOptions } from '../reading/source-types.js';
import type { ColumnMapping } from '../import-options.js';
import type { Target } from '../targets.js';
import { prepareBatches } from './prepared-batches.js';
import { createRecordPreparer, type PreparationField } from './record-preparation.js';
import type { DateOrder } from './value-normalisation.js';
import { SENT, TAKEN, type ThreadMessage } from './preparation-messages.js';

export type PreparationSettings = {
  path: string;
  read: ReadOptions;
  target: Target;
  mapping: ColumnMapping[];
  fields: PreparationField[];
  dedupeKey: string;
  country: string;
  dateOrder: DateOrder;
  /** The team's campaigns, for a DID's campaign. */
  campaignNames: string[];
  /** Customers a "Do Not Call" column marks are rejected. */
  isDoNotCallRejected: boolean;
  /** Records already accounted for (a resumed job). */
  skip: number;
  /**
   * Two Int32 counters: [SENT] the writing side waits on, bumped after every message; [TAKEN] this thread waits on,
   * bumped by the writing side for every batch it took (a message per batch cost the writing side 0.7 s a million).
   */
  signal: SharedArrayBuffer;
  /** Where batches go, and the stop comes from. */
  port: MessagePort;
};

/**
 * Records per batch handed over. Small batches are cheap to hand over and die young (a big batch outlives
 * several young-generation collections and has to be copied and promoted); the writer groups them into transactions.
 */
const PREPARED_BATCH_RECORDS = 500;
/** How many batches may wait for the writing side: memory stays bounded by a few batches. */
const MAX_AHEAD = 8;

async function run(settings: PreparationSettings): Promise<void> {
  const { port } = settings;
  const signal = new Int32Array(settings.signal);
  let batchesSent = 0;
  let isStopped = false;
  port.on('message', (message: { kind: 'stop' }) => {
    if (message.kind === 'stop') isStopped = true;
  });
  const send = (message: ThreadMessage) => {
    port.postMessage(message);
    Atomics.add(signal, SENT, 1);
    Atomics.notify(signal, SENT);
  };
  /** Waits until fewer than MAX_AHEAD batches wait for the writing side (or the stop came). */
  const waitForRoom = async () => {
    for (;;) {
      const taken = Atomics.load(signal, TAKEN);
      if (batchesSent - taken < MAX_AHEAD || isStopped) return;
      // A timeout, so that the stop (a message) is heard while nothing is taken.
      const waiting = Atomics.waitAsync(signal, TAKEN, taken, 100);
      if (waiting.async) await waiting.value;
      else await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  try {
    const source = await openSource(settings.path, settings.read);
    try {
      send({ kind: 'opened', headers: source.headers });
      const preparer = createRecordPreparer({
        target: settings.target,
        mapping: settings.mapping,
        fields: settings.fields,
        dedupeKey: settings.dedupeKey,
        normalisePhone: createPhoneNormaliser(settings.country),
        dateOrder: settings.dateOrder,
        country: settings.country,
        campaignNames: settings.campaignNames,
        isDoNotCallRejected: settings.isDoNotCallRejected,
      });
      for await (const batch of prepareBatches(source, preparer, { batchSize: PREPARED_BATCH_RECORDS, skip: settings.skip })) {
        await waitForRoom();
        if (isStopped) return;
        batchesSent += 1;
        send({ kind: 'batch', batch });
      }
      send({ kind: 'end', recordsRead: source.stats().recordsRead });
    } finally {
      await source.close();
    }
  } catch (error) {
    send({
      kind: 'error',
      code: isAppError(error) ? error.code : 'INTERNAL',
      message: error instanceof Error ? error.message : String(error),
      details: isAppError(error) ? error.details : {},
    });
  } finally {
    port.close();
  }
}

void run(workerData as PreparationSettings);
