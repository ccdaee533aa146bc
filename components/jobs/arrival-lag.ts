// The first hop: how long an event took from the Jobs API (its payload's `timestamp`) to this
// portal (when it was stored). The Jobs API's timestamps are whole seconds, so anything under a
// second reads as such, and a clock a little ahead reads as no lag, not a negative one.
export const ARRIVAL_LAG_WARNING_MS = 60_000;

export function arrivalLagMs(event: { occurredAt: string; receivedAt: string }): number {
  return Math.max(0, Date.parse(event.receivedAt) - Date.parse(event.occurredAt));
}

export function isLagging(lagMs: number): boolean {
  return lagMs >= ARRIVAL_LAG_WARNING_MS;
}

/** "under 1 s", "4.2 s", "2 min 5 s", "3 h 10 min". */
export function formatLag(lagMs: number): string {
  if (lagMs < 1_000) return "under 1 s";
  if (lagMs < 60_000) return `${(lagMs / 1_000).toFixed(lagMs < 10_000 ? 1 : 0)} s`;
  const seconds = Math.round(lagMs / 1_000);
  const [h, m, s] = [Math.floor(seconds / 3_600), Math.floor((seconds % 3_600) / 60), seconds % 60];
  return h > 0 ? `${h} h${m ? ` ${m} min` : ""}` : `${m} min${s ? ` ${s} s` : ""}`;
}
