// Numbers and times as people read them. Pure functions; the components decide when to re-render.
const BYTE_UNITS = ["B", "KB", "MB", "GB", "TB"];

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const exponent = Math.min(BYTE_UNITS.length - 1, Math.floor(Math.log(bytes) / Math.log(1024)));
  const value = bytes / 1024 ** exponent;
  return `${value.toFixed(value < 100 ? 1 : 0)} ${BYTE_UNITS[exponent]}`;
}

/** Media length in seconds: "45s", "2m 06s", "1h 02m". */
export function formatMediaDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  const total = Math.round(seconds);
  if (total < 60) return `${total}s`;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}h ${String(m).padStart(2, "0")}m` : `${m}m ${String(s).padStart(2, "0")}s`;
}

/** A step's elapsed time in milliseconds: "under 1s", "12s", "3m 04s" (events carry whole seconds). */
export function formatElapsed(ms: number): string {
  if (ms < 1000) return "under 1s";
  return formatMediaDuration(ms / 1000);
}

export function formatCost(cost: number | null): string {
  if (cost === null) return "—";
  return cost.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 4 });
}

export function formatCount(count: number, atLeast = false): string {
  return `${count.toLocaleString("en-US")}${atLeast ? "+" : ""}`;
}

const RELATIVE = {
  long: new Intl.RelativeTimeFormat("en", { numeric: "auto" }),
  narrow: new Intl.RelativeTimeFormat("en", { numeric: "auto", style: "narrow" }),
};
const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 30],
  ["month", 12],
  ["year", Infinity],
];

/** "just now", "5 minutes ago", "in 1 hour"; narrow: "5m ago" for table cells. */
export function formatRelative(iso: string, now: number, style: keyof typeof RELATIVE = "long"): string {
  let value = (new Date(iso).getTime() - now) / 1000;
  // A minute ahead is clock skew between machines (and the 15 s "now" of useNow), not the future.
  if (value > -10 && value < 60) return "just now";
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return RELATIVE[style].format(Math.round(value), unit);
    value /= size;
  }
  return RELATIVE[style].format(Math.round(value), "year");
}

const EXACT = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "medium",
});

/** The exact local time, for titles and the job page: "Nov 28, 2026, 10:00:00 AM". */
export function formatExact(iso: string): string {
  return EXACT.format(new Date(iso));
}

const TIME = new Intl.DateTimeFormat("en-US", { timeStyle: "medium" });
const DAY_AND_TIME = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  second: "2-digit",
});

/** A moment on a timeline: the time of day, with the date when it was not today. */
export function formatMoment(iso: string, now: number): string {
  const date = new Date(iso);
  return date.toDateString() === new Date(now).toDateString() ? TIME.format(date) : DAY_AND_TIME.format(date);
}
