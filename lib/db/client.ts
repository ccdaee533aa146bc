import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { getPool } from "./pool";

// The one Prisma client (STYLE.md). Secret columns are left out of every result unless a
// query asks for them by name with `omit: { column: false }`.
function createPrismaClient() {
  return new PrismaClient({
    adapter: new PrismaPg(getPool()),
    omit: {
      workspace: { upstreamApiKeyEnc: true, inboundSecretEnc: true, previousInboundSecretEnc: true },
      user: { passwordHash: true },
      pendingSignUp: { passwordHash: true },
      webhookEndpoint: { secretEnc: true, previousSecretEnc: true },
    },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;

const globalForPrisma = globalThis as unknown as { jobsPortalPrisma?: Db };

function getPrisma(): Db {
  globalForPrisma.jobsPortalPrisma ??= createPrismaClient();
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

export async function disconnectPrisma(): Promise<void> {
  await globalForPrisma.jobsPortalPrisma?.$disconnect();
  globalForPrisma.jobsPortalPrisma = undefined;
}
