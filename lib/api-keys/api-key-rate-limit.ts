/**
 * Per key: 10 requests a second on average, bursts of 20 — kept as 20 per 2-second window in
 * PostgreSQL (lib/rate-limit), so the limit holds across every portal process. A constant of its
 * own because the API reference page and the OpenAPI document show it (client code imports it).
 */
export const API_KEY_RATE_LIMIT = { ratePerSecond: 10, burst: 20 } as const;
