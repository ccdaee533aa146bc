// Response types of the API keys routes, importable by client components (no server code).

/** What lists show: never the key or its hash. */
export interface ApiKeySummary {
  id: string;
  name: string;
  /** The key's first characters, to tell keys apart. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** Who created it; null for keys from before roles, the demo's, or a creator since gone. */
  createdBy: { id: string; name: string | null; email: string } | null;
}

/** GET /api/api-keys */
export interface ApiKeyList {
  apiKeys: ApiKeySummary[];
}

/** The answer to a create: the only time the full key leaves the server. */
export interface CreatedApiKey {
  apiKey: ApiKeySummary;
  key: string;
}

/** DELETE /api/api-keys/{keyId} */
export interface RevokedApiKey {
  apiKey: ApiKeySummary;
}
