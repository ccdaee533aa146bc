/** ISO 8601 to the second, as the Jobs API writes timestamps ("2025-12-07T12:34:56Z"). */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}
