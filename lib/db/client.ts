import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { getPool, type PoolUse } from "./pool";

// The one Prisma client (STYLE.md), on the app pool — and, when DATABASE_REPLICA_URL is set, its
// twin on the replica pool, which only lib/db/read-from-replica.ts hands out. Secret columns are
// left out of every result unless a query asks for them by name with `omit: { column: false }`.
function createPrismaClient(use: PoolUse) {
  return new PrismaClient({
    adapter: new PrismaPg(getPool(use)),
    omit: {
      workspace: { upstreamApiKeyEnc: true, inboundSecretEnc: true, previousInboundSecretEnc: true },
      user: { passwordHash: true },
      pendingSignUp: { passwordHash: true },
      webhookEndpoint: { secretEnc: true, previousSecretEnc: true },
    },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;

const globalForPrisma = globalThis as unknown as { jobsPortalPrisma?: Db; jobsPortalReplicaPrisma?: Db };

function getPrisma(): Db {
  globalForPrisma.jobsPortalPrisma ??= createPrismaClient("app");
  return globalForPrisma.jobsPortalPrisma;
}

/** Built on first use: `next build` imports route modules without a database. */
export const prisma: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = getPrisma();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** The client on DATABASE_REPLICA_URL (which must be set): for lib/db/read-from-replica.ts only. */
export function getReplicaPrisma(): Db {
  globalForPrisma.jobsPortalReplicaPrisma ??= createPrismaClient("replica");
  return globalForPrisma.jobsPortalReplicaPrisma;
}

export async function disconnectPrisma(): Promise<void> {
  const clients = [globalForPrisma.jobsPortalPrisma, globalForPrisma.jobsPortalReplicaPrisma];
  globalForPrisma.jobsPortalPrisma = undefined;
  globalForPrisma.jobsPortalReplicaPrisma = undefined;
  await Promise.all(clients.map((client) => client?.$disconnect()));
}
