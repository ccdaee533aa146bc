import "server-only";
import { prisma } from "@/lib/db/client";
import { displayPrefix, generateApiKey, hashApiKey } from "@/lib/crypto/api-key";
import type { CreateApiKeyInput } from "./schemas";
import type { CreatedApiKey } from "./types";
import { apiKeySelect, serializeApiKey } from "./serialize-api-key";

/** A new key for the workspace. Only its hash is stored, so the returned key is shown once. */
export async function createApiKey(workspaceId: string, input: CreateApiKeyInput): Promise<CreatedApiKey> {
  const key = generateApiKey();
  const row = await prisma.apiKey.create({
    data: { workspaceId, name: input.name, prefix: displayPrefix(key), hashedKey: hashApiKey(key) },
    select: apiKeySelect,
  });
  return { apiKey: serializeApiKey(row), key };
}
