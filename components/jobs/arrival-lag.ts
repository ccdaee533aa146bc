import { formatElapsed } from "@/components/ui/format";

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

/** "under 1s", "4.2s", "2m 05s", "3h 10m": the page's other durations' style, tenths under 10 s. */
export function formatLag(lagMs: number): string {
  if (lagMs >= 1_000 && lagMs < 10_000) return `${(lagMs / 1_000).toFixed(1)}s`;
  return formatElapsed(lagMs);
}
