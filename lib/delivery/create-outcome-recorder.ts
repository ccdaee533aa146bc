import { logger } from "@/lib/log/logger";
import type { Queryable } from "./claim-deliveries";
import { type AttemptRecord, type RecordResult, recordOutcomes } from "./record-outcome";

// Outcomes are written in batches (the idea of lib/ingest/group-commits.ts): those that finish
// while a write is running go together in the next one — one statement, one round trip, one WAL
// flush for all of them — instead of a statement and a commit each, which would cap a worker at
// (connections ÷ statement time) deliveries per second. One arriving alone is written at once.
const MAX_OUTCOMES_PER_STATEMENT = 64;
const MAX_STATEMENTS_IN_FLIGHT = 2;

interface Waiting {
  record: AttemptRecord;
  resolve: (result: RecordResult) => void;
  reject: (error: unknown) => void;
}

export type RecordOutcome = (record: AttemptRecord) => Promise<RecordResult>;

export function createOutcomeRecorder(db: Queryable, clock: () => number): RecordOutcome {
  const queue: Waiting[] = [];
  let inFlight = 0;

  async function write(group: Waiting[]): Promise<void> {
    try {
      const results = await recordOutcomes(
        db,
        group.map((waiting) => waiting.record),
        clock(),
      );
      group.forEach((waiting, index) => waiting.resolve(results[index]));
    } catch (error) {
      if (group.length === 1) return group[0].reject(error);
      // A bad value, a deadlock with a concurrent writer: each outcome once more on its own, so
      // only a culprit fails. The lease check makes a second try safe.
      logger.warn({ error }, "a batch of delivery outcomes failed; recording them one by one");
      await Promise.all(group.map((waiting) => write([waiting])));
    }
  }

  async function drain(): Promise<void> {
    inFlight += 1;
    try {
      while (queue.length > 0) await write(queue.splice(0, MAX_OUTCOMES_PER_STATEMENT));
    } finally {
      inFlight -= 1;
    }
  }

  return (record) =>
    new Promise((resolve, reject) => {
      queue.push({ record, resolve, reject });
      if (inFlight < MAX_STATEMENTS_IN_FLIGHT) void drain();
    });
}
