import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { AuditActorList, AuditLogPage } from "@/lib/audit/types";
import { fetchJson } from "@/lib/http/fetch-json";

// The audit log's reads: the key factory and one options factory per route handler.

export interface AuditFilters {
  actor: string;
  action: string;
}

export const auditKeys = {
  all: ["audit-log"] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, "list", filters] as const,
  actors: () => [...auditKeys.all, "actors"] as const,
};

/** The log newest first, a page at a time ("Load older entries"). */
export const auditLogQuery = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(filters),
    queryFn: ({ signal, pageParam }) => {
      const search = new URLSearchParams();
      if (filters.actor) search.set("actor", filters.actor);
      if (filters.action) search.set("action", filters.action);
      if (pageParam) search.set("cursor", pageParam);
      return fetchJson<AuditLogPage>(`/api/audit-log${search.size > 0 ? `?${search}` : ""}`, { signal });
    },
    initialPageParam: "",
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const auditActorsQuery = () =>
  queryOptions({
    queryKey: auditKeys.actors(),
    queryFn: ({ signal }) => fetchJson<AuditActorList>("/api/audit-log/actors", { signal }),
  });
