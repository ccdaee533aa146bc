import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { displayPrefix, hashApiKey } from "@/lib/crypto/api-key";
import { seal } from "@/lib/crypto/secret-box";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { toStoredProfile } from "@/lib/inbound/read-stored-profile";
import type { VerificationProfile } from "@/lib/inbound/schemas";
import { sealUpstreamKey } from "@/lib/upstream/upstream-key";

export const DEMO_WORKSPACE_ID = "demo";
export const DEMO_EMAIL = "demo@example.com";

export interface DemoSeed {
  password: string;
  apiKey: string;
  /** The `whsec_` secret, the vendor-style secret of an HMAC profile, or the URL token. */
  inboundSecret: string;
  /** How the demo workspace verifies the simulator's webhooks (SIMULATOR_SIGNING); default Standard Webhooks. */
  inboundProfile?: VerificationProfile;
  upstreamBaseUrl: string;
  upstreamApiKey: string;
}

/**
 * Creates or refreshes the demo workspace, its owner and its API key. Idempotent: a restart of the
 * demo keeps the jobs and only brings the credentials in line with what it prints.
 */
export async function seedDemo(seed: DemoSeed): Promise<void> {
  const passwordHash = await hashPassword(seed.password);
  const { inboundVerification, inboundVerificationConfig } = toStoredProfile(
    seed.inboundProfile ?? { kind: "standard_webhooks" },
  );
  const secrets = {
    inboundSecretEnc: seal(seed.inboundSecret),
    // A restart may sign another way (SIMULATOR_SIGNING): no secret of the last run's profile lingers.
    previousInboundSecretEnc: null,
    previousInboundSecretExpiresAt: null,
    inboundVerification,
    inboundVerificationConfig: inboundVerificationConfig ?? Prisma.DbNull,
    upstreamBaseUrl: seed.upstreamBaseUrl,
    upstreamApiKeyEnc: sealUpstreamKey(seed.upstreamBaseUrl, seed.upstreamApiKey),
  };
  await prisma.$transaction(async (tx) => {
    await tx.workspace.upsert({
      where: { id: DEMO_WORKSPACE_ID },
      create: { id: DEMO_WORKSPACE_ID, name: "Demo workspace", ...secrets },
      update: secrets,
      select: { id: true },
    });
    // The operator made this account, so its email counts as confirmed (email-link sign-in may open it).
    const user = await tx.user.upsert({
      where: { email: DEMO_EMAIL },
      create: { email: DEMO_EMAIL, name: "Demo Developer", passwordHash, emailVerified: new Date() },
      update: { passwordHash, emailVerified: new Date() },
      select: { id: true },
    });
    await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId: DEMO_WORKSPACE_ID, userId: user.id } },
      create: { workspaceId: DEMO_WORKSPACE_ID, userId: user.id, role: "owner" },
      update: {},
      select: { id: true },
    });
    const hashedKey = hashApiKey(seed.apiKey);
    await tx.apiKey.upsert({
      where: { hashedKey },
      create: { workspaceId: DEMO_WORKSPACE_ID, name: "Demo key", prefix: displayPrefix(seed.apiKey), hashedKey },
      update: { revokedAt: null },
      select: { id: true },
    });
  });
}
