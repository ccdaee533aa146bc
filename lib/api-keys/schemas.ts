import { z } from "zod";

// Portal API keys: the create form and POST /api/api-keys share this schema.
export const API_KEY_NAME_MAX_LENGTH = 64;

export const createApiKeySchema = z.object({
  name: z
    .string({ error: "Give the key a name" })
    .trim()
    .min(1, { error: "Give the key a name" })
    .max(API_KEY_NAME_MAX_LENGTH, { error: `At most ${API_KEY_NAME_MAX_LENGTH} characters` }),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

/** What lists show: never the key or its hash. */
export interface ApiKeySummary {
  id: string;
  name: string;
  /** The key's first characters, to tell keys apart. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ApiKeyList {
  apiKeys: ApiKeySummary[];
}

/** The answer to a create: the only time the full key leaves the server. */
export interface CreatedApiKey {
  apiKey: ApiKeySummary;
  key: string;
}

export interface RevokedApiKey {
  apiKey: ApiKeySummary;
}
