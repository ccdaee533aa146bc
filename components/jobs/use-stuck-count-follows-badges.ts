"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useNow } from "@/components/ui/use-now";
import { isStuck } from "@/lib/insight/step-expectations";
import type { SerializedJob } from "@/lib/jobs/types";
import { jobsKeys } from "./queries";

/**
 * The Stuck toggle's count is asked again each minute, while a row's badge follows the page's clock
 * (every 15 s): when a row turns stuck that was not, the count is asked at once, so that the two
 * agree instead of differing for up to a minute.
 */
export function useStuckCountFollowsBadges(jobs: readonly SerializedJob[]): void {
  const now = useNow();
  const queryClient = useQueryClient();
  const stuck = jobs.filter((job) => job.expectation && isStuck(job.expectation, now)).map((job) => job.id);
  const key = stuck.join(" ");
  const previous = useRef<Set<string> | null>(null);
  useEffect(() => {
    const ids = key ? key.split(" ") : [];
    const before = previous.current;
    previous.current = new Set(ids);
    // The first rows shown came with the count's own first answer.
    if (before && ids.some((id) => !before.has(id)))
      void queryClient.invalidateQueries({ queryKey: jobsKeys.stuckCount() });
  }, [key, queryClient]);
}
