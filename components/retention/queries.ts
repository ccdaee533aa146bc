import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import type { RetentionView } from "@/lib/retention/types";

// Settings → Retention, reads.
export const retentionKeys = {
  all: ["retention"] as const,
};

export const retentionQuery = () =>
  queryOptions({
    queryKey: retentionKeys.all,
    queryFn: ({ signal }) => fetchJson<RetentionView>("/api/settings/retention", { signal }),
  });
