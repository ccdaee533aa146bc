import type pg from "pg";
import { getPool } from "@/lib/db/pool";
import { logger } from "@/lib/log/logger";
import { JOB_ACTIVITY_CHANNEL, type JobActivity, toActivityPayloads } from "./job-activity";

/**
 * Tells the job pages watching these jobs that their timelines changed: one statement, after the
 * change committed (a NOTIFY inside the writing transaction would make its commit wait for
 * PostgreSQL's notify lock). Never throws: a lost announcement only delays a page until its next
 * refetch.
 */
export async function announceJobActivity(
  activities: readonly JobActivity[],
  db: Pick<pg.Pool, "query"> = getPool(),
): Promise<void> {
  if (activities.length === 0) return;
  try {
    await db.query("SELECT count(pg_notify($1, payload)) FROM unnest($2::text[]) AS payload", [
      JOB_ACTIVITY_CHANNEL,
      toActivityPayloads(activities),
    ]);
  } catch (error) {
    logger.warn({ error }, "job activity not announced");
  }
}
