"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { JobListParams } from "./queries";
import { readListParams, toSearchString } from "./read-list-params";

/**
 * The Jobs page's filters, search, sort and cursor, kept in the URL. The native History API
 * updates useSearchParams without a server round-trip (the list comes from the query cache);
 * typing a search replaces the entry, everything else pushes one so Back undoes it.
 */
export function useListParams() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const params = useMemo(() => readListParams(Object.fromEntries(searchParams.entries())), [searchParams]);

  const navigate = useCallback(
    (next: JobListParams, mode: "push" | "replace" = "push") => {
      const url = `${pathname}${toSearchString(next)}`;
      if (mode === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [pathname],
  );

  /** Changes filters and returns to the first page. */
  const setFilters = useCallback(
    (patch: Partial<JobListParams>, mode: "push" | "replace" = "push") =>
      navigate({ ...params, ...patch, after: undefined, before: undefined }, mode),
    [navigate, params],
  );

  return { params, navigate, setFilters };
}
