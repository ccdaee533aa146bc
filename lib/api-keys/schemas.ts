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
