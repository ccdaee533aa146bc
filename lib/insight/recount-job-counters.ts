import "server-only";
import { getPool } from "@/lib/db/pool";
import { jobCounterTerms } from "./count-jobs-step";

/**
 * `npm run db:recount`: rebuilds JobCounter and JobDayCounter from the jobs — every workspace's, or one's — in one
 * transaction, so readers see the old counters until the new ones are complete. Idempotent. The
 * table is locked against writers (EXCLUSIVE: reads go on) before the jobs are read: an ingest
 * statement that changed jobs before the lock has committed and is counted, one after it waits
 * and then adds its change to the fresh counters, so nothing is lost or counted twice.
 * Returns how many hour rows it wrote.
 */
export async function recountJobCounters(workspaceId?: string): Promise<number> {
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    // A repair command, run by an operator: the pool's statement timeout is for requests.
    await client.query("SET LOCAL statement_timeout = 0");
    await client.query(`LOCK TABLE "JobCounter", "JobDayCounter" IN EXCLUSIVE MODE`);
    const scope = workspaceId === undefined ? "" : `WHERE "workspaceId" = $1`;
    const params = workspaceId === undefined ? [] : [workspaceId];
    await client.query(`DELETE FROM "JobCounter" ${scope}`, params);
    await client.query(`DELETE FROM "JobDayCounter" ${scope}`, params);
    const inserted = await client.query(
      `INSERT INTO "JobCounter" ("workspaceId", hour, "apiProduct", state, jobs, cost, "mediaSeconds")
       SELECT "workspaceId", hour, "apiProduct", state, sum(jobs), sum(cost), sum(media)
         FROM (SELECT ${jobCounterTerms("+")} FROM "Job" AS j ${scope.replace('"workspaceId"', 'j."workspaceId"')}) AS d
        GROUP BY 1, 2, 3, 4`,
      params,
    );
    await client.query(
      `INSERT INTO "JobDayCounter" ("workspaceId", day, "apiProduct", state, jobs, cost, "mediaSeconds")
       SELECT "workspaceId", date_trunc('day', hour), "apiProduct", state, sum(jobs), sum(cost), sum("mediaSeconds")
         FROM "JobCounter" ${scope}
        GROUP BY 1, 2, 3, 4`,
      params,
    );
    await client.query("COMMIT");
    return inserted.rowCount ?? 0;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
