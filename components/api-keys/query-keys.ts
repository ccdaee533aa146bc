// Query keys of the API keys feature; every hook and invalidation goes through this factory.
export const apiKeyKeys = {
  all: ["api-keys"] as const,
  list: () => [...apiKeyKeys.all, "list"] as const,
};
