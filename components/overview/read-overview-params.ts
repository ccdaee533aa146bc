import { overviewQuerySchema } from "@/lib/insight/schemas";
import { normalizeOverviewParams, type OverviewParams } from "./queries";

type RawParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The overview's URL as parameters; an invalid range (old link, typo) falls back to the default. */
export function readOverviewParams(raw: RawParams): OverviewParams {
  const parsed = overviewQuerySchema.safeParse({ range: first(raw.range), from: first(raw.from), to: first(raw.to) });
  return normalizeOverviewParams(parsed.success ? parsed.data : { range: "7d" });
}

export function toOverviewSearch(params: OverviewParams): string {
  const normal = normalizeOverviewParams(params);
  return `?${new URLSearchParams(normal as unknown as Record<string, string>)}`;
}
