// A process of its own spending a rate limit's budget: `tsx consume-in-child.ts <policy JSON> <key> <times>`
// on DATABASE_URL. Prints how many were allowed, as JSON. For the test that two processes share one budget.
import { closePool } from "@/lib/db/pool";
import { createRateLimit } from "@/lib/rate-limit/create-rate-limit";

const [policyJson, key, times] = process.argv.slice(2);
const limit = createRateLimit(JSON.parse(policyJson));
let allowed = 0;
// Sequential, so the two processes interleave request by request as two portals would.
for (let i = 0; i < Number(times); i++) {
  if ((await limit.consume(key)).allowed) allowed++;
}
await closePool();
process.stdout.write(JSON.stringify({ allowed }));
process.exit(0);
