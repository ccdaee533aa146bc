import { z } from "zod";

// The overview's range: a preset, or two calendar days (UTC, inclusive). Shared by the route, the
// page (which keeps it in its URL) and the range picker.
export const OVERVIEW_RANGES = ["24h", "7d", "30d", "90d", "custom"] as const;
export type OverviewRange = (typeof OVERVIEW_RANGES)[number];
export const DEFAULT_OVERVIEW_RANGE: OverviewRange = "7d";
/** The longest custom range, in days: a year of daily buckets. */
export const MAX_CUSTOM_DAYS = 366;

const DAY_MS = 86_400_000;
const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);
const day = z.preprocess(emptyToUndefined, z.iso.date({ error: "Use a date such as 2026-11-30" }).optional());

export const overviewQuerySchema = z
  .object({
    range: z
      .preprocess(emptyToUndefined, z.enum(OVERVIEW_RANGES).optional())
      .transform((value) => value ?? DEFAULT_OVERVIEW_RANGE),
    from: day,
    to: day,
  })
  .superRefine((query, ctx) => {
    if (query.range !== "custom") return;
    if (!query.from || !query.to) {
      ctx.addIssue({
        code: "custom",
        path: [query.from ? "to" : "from"],
        message: "A custom range needs a start and an end date",
      });
      return;
    }
    const days = (Date.parse(query.to) - Date.parse(query.from)) / DAY_MS + 1;
    if (days < 1)
      ctx.addIssue({ code: "custom", path: ["to"], message: "The end date must not be before the start date" });
    else if (days > MAX_CUSTOM_DAYS)
      ctx.addIssue({ code: "custom", path: ["to"], message: `A range spans at most ${MAX_CUSTOM_DAYS} days` });
  });
export type OverviewQuery = z.output<typeof overviewQuerySchema>;

export interface ResolvedRange {
  from: Date;
  to: Date;
  bucket: "hour" | "day";
}

/**
 * The moments a range covers: the last 24 hours by the hour (from the start of the hour 23 hours
 * ago), the presets by UTC day ending today, a custom range from its first day's start to its
 * last day's end.
 */
export function resolveRange(query: OverviewQuery, now: Date): ResolvedRange {
  if (query.range === "24h") {
    const hour = Math.floor(now.getTime() / 3_600_000) * 3_600_000;
    return { from: new Date(hour - 23 * 3_600_000), to: now, bucket: "hour" };
  }
  if (query.range === "custom" && query.from && query.to) {
    return {
      from: new Date(`${query.from}T00:00:00Z`),
      to: new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS),
      bucket: "day",
    };
  }
  const days = query.range === "30d" ? 30 : query.range === "90d" ? 90 : 7;
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return { from: new Date(today - (days - 1) * DAY_MS), to: now, bucket: "day" };
}

/** Every bucket's start in [from, to). */
export function bucketStarts({ from, to, bucket }: ResolvedRange): Date[] {
  const size = bucket === "hour" ? 3_600_000 : DAY_MS;
  const starts: Date[] = [];
  for (let at = from.getTime(); at < to.getTime(); at += size) starts.push(new Date(at));
  return starts;
}
