// Generates the Prisma client (lib/db/generated) after npm install. Prisma's CLI insists on a
// schema-engine binary, which cannot be downloaded here; `prisma generate` never runs it, so any
// existing file satisfies the check (DEVELOPERS.md).
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env,
});
process.exit(result.status ?? 1);
