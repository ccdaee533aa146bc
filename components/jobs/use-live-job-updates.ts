"use client";

import { type QueryClient, type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { notePosition } from "@/lib/http/read-position";
import { withWorkspaceParam } from "@/lib/http/workspace-selector";
import type { JobPage, SerializedJob, SerializedJobDetail } from "@/lib/jobs/types";
import { mergeJobIntoPage } from "./merge-job-into-page";
import { isJobListKey, jobsKeys } from "./queries";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "paused";

// Refetches are batched: a burst of webhooks costs one request per affected query, not one each.
const FLUSH_MS = 300;
/** While live updates are paused, the page refetches what it shows this often. */
export const POLL_MS = 10_000;
/** How long a paused page waits before it asks for a live stream again (the server's Retry-After). */
const RETRY_LIVE_MS = 60_000;

function createInvalidator(queryClient: QueryClient) {
  const pending = new Map<string, QueryKey>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    add(key: QueryKey) {
      pending.set(JSON.stringify(key), key);
      timer ??= setTimeout(() => {
        timer = null;
        const keys = [...pending.values()];
        pending.clear();
        for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey, exact: true });
      }, FLUSH_MS);
    },
    cancel() {
      if (timer) clearTimeout(timer);
    },
  };
}

/** Merges one changed job into every cached list page and its job page. */
function applyJobChange(queryClient: QueryClient, job: SerializedJob, invalidate: (key: QueryKey) => void): void {
  let seen = false;
  let stateChanged = false;
  for (const [key, page] of queryClient.getQueriesData<JobPage>({ queryKey: jobsKeys.lists() })) {
    if (!page || !isJobListKey(key)) continue;
    const [, , params] = key;
    const verdict = mergeJobIntoPage(page, params, job);
    if (verdict.action === "none") continue;
    if (verdict.action === "replace") {
      queryClient.setQueryData(key, verdict.page);
      // A fetch already under way read the row before this change and would put it back: fetch again.
      if (queryClient.getQueryState(key)?.fetchStatus === "fetching") invalidate(key);
    } else {
      invalidate(key);
    }
    if ("previous" in verdict && verdict.previous) {
      seen = true;
      stateChanged ||= verdict.previous.state !== job.state;
    }
  }
  if (!seen || stateChanged) invalidate(jobsKeys.counts());

  const detailKey = jobsKeys.detail(job.id);
  if (queryClient.getQueryData<SerializedJobDetail>(detailKey)) {
    // The header changes at once; the timeline, events and outputs come with the refetch.
    queryClient.setQueryData<SerializedJobDetail>(detailKey, (detail) => detail && { ...detail, job });
    invalidate(detailKey);
  }
}

/**
 * Subscribes to /api/live while mounted and keeps the Jobs queries current. A job page names its
 * job (`watchJobId`): its stream then also says when the job's timeline changed without the job
 * moving — a delivery attempt, a late or duplicate event — and the page refetches it. When the
 * server refuses the stream (429: too many streams for this user or this server) or answers
 * anything but a stream, the page is "paused": it polls every POLL_MS and tries live updates again
 * after RETRY_LIVE_MS.
 */
export function useLiveJobUpdates(watchJobId?: string): LiveStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");

  useEffect(() => {
    const invalidator = createInvalidator(queryClient);
    const refetchAll = () => void queryClient.invalidateQueries({ queryKey: jobsKeys.all });
    let source: EventSource | null = null;
    let poll: ReturnType<typeof setInterval> | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    const stopPolling = () => {
      if (poll) clearInterval(poll);
      poll = null;
    };

    function pause(): void {
      source?.close();
      source = null;
      setStatus("paused");
      poll ??= setInterval(refetchAll, POLL_MS);
      retry = setTimeout(open, RETRY_LIVE_MS);
    }

    function open(): void {
      retry = null;
      const current = new EventSource(
        withWorkspaceParam(watchJobId ? `/api/live?${new URLSearchParams({ job: watchJobId })}` : "/api/live"),
      );
      source = current;
      // With a read replica each frame's id is the database position of what it tells: the refetches it
      // causes name it, so they are not answered from before it (lib/http/read-position.ts).
      const note = (event: Event) => notePosition((event as MessageEvent<string>).lastEventId);
      current.addEventListener("ready", (event) => {
        note(event);
        // Changes made before the stream was open (since the server rendered the page, or while it
        // was reconnecting or paused) were never sent: catch up once, then follow the stream.
        stopPolling();
        refetchAll();
        setStatus("live");
      });
      current.addEventListener("job", (event) => {
        note(event);
        applyJobChange(queryClient, JSON.parse((event as MessageEvent<string>).data) as SerializedJob, invalidator.add);
      });
      current.addEventListener("activity", (event) => {
        const { id } = JSON.parse((event as MessageEvent<string>).data) as { id: string };
        invalidator.add(jobsKeys.detail(id));
      });
      current.addEventListener("resync", (event) => {
        note(event);
        refetchAll();
      });
      current.addEventListener("error", () => {
        // CLOSED: the answer was not a stream (a 429, a 503), and EventSource gives up for good.
        if (current.readyState === EventSource.CLOSED) pause();
        else setStatus("reconnecting");
      });
    }

    open();
    return () => {
      invalidator.cancel();
      stopPolling();
      if (retry) clearTimeout(retry);
      source?.close();
    };
  }, [queryClient, watchJobId]);

  return status;
}
