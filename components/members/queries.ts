import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import type { MembersResponse } from "@/lib/members/types";

// The members feature's reads: the key factory and one queryOptions factory per route handler.

export const memberKeys = {
  all: ["members"] as const,
  list: () => [...memberKeys.all, "list"] as const,
};

export const membersQuery = () =>
  queryOptions({
    queryKey: memberKeys.list(),
    queryFn: ({ signal }) => fetchJson<MembersResponse>("/api/members", { signal }),
  });
