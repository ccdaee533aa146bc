import type { OverviewData } from "@/lib/insight/types";

// Labels and numbers of the overview. Buckets are UTC hours or days, and say so.
const DAY = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const HOUR = new Intl.DateTimeFormat("en-US", {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

export function bucketLabel(start: string, bucket: OverviewData["range"]["bucket"]): string {
  return bucket === "hour" ? HOUR.format(new Date(start)) : DAY.format(new Date(start));
}

export function formatPercent(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(rate === 1 || rate === 0 ? 0 : 1)}%`;
}

export function formatMinutes(seconds: number): string {
  const minutes = seconds / 60;
  return minutes >= 100 ? Math.round(minutes).toLocaleString("en-US") : minutes.toFixed(1).replace(/\.0$/, "");
}

export function formatMoney(value: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Milliseconds as "850 ms", "12.4 s", "3m 20s", "1h 05m". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1).replace(/\.0$/, "")} s`;
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}h ${String(m).padStart(2, "0")}m` : `${m}m ${String(s).padStart(2, "0")}s`;
}
