import { jobFiltersSchema } from "@/lib/jobs/schemas";
import { type JobListParams, normalizeParams } from "./queries";

type RawParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The Jobs page's URL as list parameters. Each field is read on its own, so one bad value (an old
 * link, a typo) drops that filter only. The server page and the browser both use this, so the
 * prefetched page and the browser's query share one key.
 */
export function readListParams(raw: RawParams): JobListParams {
  const { shape } = jobFiltersSchema;
  const field = <T>(
    schema: { safeParse: (value: unknown) => { success: boolean; data?: T } },
    key: string,
  ): T | undefined => {
    const parsed = schema.safeParse(first(raw[key]));
    return parsed.success ? parsed.data : undefined;
  };
  const cursor = (key: "after" | "before") => {
    const value = first(raw[key]);
    return value && /^[A-Za-z0-9_-]{1,200}$/.test(value) ? value : undefined;
  };
  const after = cursor("after");
  return normalizeParams({
    apiProduct: field(shape.apiProduct, "apiProduct"),
    state: field(shape.state, "state"),
    status: field(shape.status, "status"),
    q: field(shape.q, "q"),
    sort: field(shape.sort, "sort") ?? "newest",
    after,
    before: after ? undefined : cursor("before"),
  });
}

/** The URL query for parameters (cursor included), without defaults. */
export function toSearchString(params: JobListParams): string {
  const { sort, ...rest } = normalizeParams(params);
  const query = new URLSearchParams(rest as unknown as Record<string, string>);
  if (sort !== "newest") query.set("sort", sort);
  const text = query.toString();
  return text ? `?${text}` : "";
}
