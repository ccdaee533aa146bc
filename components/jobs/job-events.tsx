"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { formatBytes, formatExact } from "@/components/ui/format";
import { ChevronRightIcon } from "@/components/ui/icons";
import { RelativeTime } from "@/components/ui/relative-time";
import type { JobEventCounts, JobEventPage, SerializedJobEvent } from "@/lib/jobs/types";
import { jobEventPayloadQuery, olderJobEventsQuery } from "./queries";

const DISPOSITIONS: Record<SerializedJobEvent["disposition"], { tone: BadgeTone; label: string; title: string } | null> = {
  applied: null,
  late: { tone: "warning", label: "Late", title: "Arrived after a later status; kept for the timeline only" },
  duplicate: { tone: "neutral", label: "Duplicate", title: "A second delivery of a status the job already had" },
  ignored: { tone: "neutral", label: "Ignored", title: "An event type this portal does not apply" },
};

/** "2 late · 1 duplicate · 1 ignored": each kind named, so the numbers say what they count. */
function describeUnapplied(counts: JobEventCounts): string {
  return (["late", "duplicate", "ignored"] as const)
    .filter((kind) => counts[kind] > 0)
    .map((kind) => `${counts[kind].toLocaleString("en-US")} ${kind}`)
    .join(" · ");
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function EventPayload({ jobId, eventId }: { jobId: string; eventId: string }) {
  const payload = useQuery(jobEventPayloadQuery(jobId, eventId));
  if (payload.isError) return <p className="text-ui text-danger">The payload could not be loaded: {payload.error.message}</p>;
  if (!payload.data) return <p className="text-ui text-subtle">Loading the payload…</p>;
  const { text, truncated, sizeBytes } = payload.data;
  return (
    <>
      {truncated && (
        <p className="text-ui text-default" data-testid="payload-truncated">
          Showing the first {formatBytes(new TextEncoder().encode(text).length)} of {formatBytes(sizeBytes)}.
        </p>
      )}
      <CodeBlock
        data-testid="event-payload"
        className="max-h-96 overflow-auto rounded-md border border-subtle bg-default p-4 font-mono text-code leading-relaxed text-emphasis"
      >
        {truncated ? text : prettyJson(text)}
      </CodeBlock>
    </>
  );
}

function EventRow({ jobId, event }: { jobId: string; event: SerializedJobEvent }) {
  // Whether the row is open is the page's own state; the payload is fetched only then.
  const [open, setOpen] = useState(false);
  const disposition = DISPOSITIONS[event.disposition];
  return (
    <li data-testid="job-event" data-disposition={event.disposition}>
      <details className="group" onToggle={(toggle) => setOpen(toggle.currentTarget.open)}>
        <summary className="flex cursor-pointer list-none items-center gap-3 px-6 py-3 text-sm hover:bg-subtle/60 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-focus [&::-webkit-details-marker]:hidden">
          <ChevronRightIcon className="size-4 shrink-0 text-muted transition-transform group-open:rotate-90" />
          <span className="w-32 shrink-0 font-mono text-ui text-emphasis">{event.event}</span>
          <span className="min-w-0 flex-1 truncate text-default">{event.status}</span>
          {disposition && (
            <Badge tone={disposition.tone} title={disposition.title}>
              {disposition.label}
            </Badge>
          )}
          <RelativeTime iso={event.occurredAt} style="narrow" className="w-20 shrink-0 text-right text-subtle" />
        </summary>
        <div className="space-y-3 border-t border-muted bg-muted/60 px-6 py-4">
          <dl className="grid gap-x-6 gap-y-1 text-ui sm:grid-cols-[auto_1fr]">
            <dt className="text-subtle">webhook-id</dt>
            <dd className="font-mono break-all text-emphasis">{event.webhookId}</dd>
            <dt className="text-subtle">Occurred</dt>
            <dd className="text-emphasis">{formatExact(event.occurredAt)}</dd>
            <dt className="text-subtle">Received</dt>
            <dd className="text-emphasis">{formatExact(event.receivedAt)}</dd>
          </dl>
          {open && <EventPayload jobId={jobId} eventId={event.id} />}
        </div>
      </details>
    </li>
  );
}

/**
 * Every delivery the portal stored for the job, newest first: the newest page comes with the job,
 * older ones on demand, and a payload only when its row is opened.
 */
export function JobEvents({ jobId, firstPage, counts }: { jobId: string; firstPage: JobEventPage; counts: JobEventCounts }) {
  const [wantOlder, setWantOlder] = useState(false);
  const older = useInfiniteQuery({
    ...olderJobEventsQuery(jobId, firstPage.nextCursor ?? ""),
    enabled: wantOlder && firstPage.nextCursor !== null,
  });
  const events = [...firstPage.events, ...(older.data?.pages.flatMap((page) => page.events) ?? [])];
  const more = older.data ? older.hasNextPage : firstPage.nextCursor !== null;
  const unapplied = describeUnapplied(counts);

  return (
    <Card>
      <CardHeader className="py-4">
        <CardTitle>Events</CardTitle>
        <CardDescription data-testid="job-events-summary">
          {counts.total === 1 ? "1 webhook delivery" : `${counts.total.toLocaleString("en-US")} webhook deliveries`}
          {unapplied && ` (${unapplied})`}, newest first — select one to see its payload.
        </CardDescription>
      </CardHeader>
      <ul className="divide-y divide-muted">
        {events.map((event) => (
          <EventRow key={event.id} jobId={jobId} event={event} />
        ))}
      </ul>
      {(more || older.isError) && (
        <div className="flex items-center justify-between gap-3 border-t border-muted px-6 py-3 text-ui text-subtle">
          <span>
            {older.isError ? `Older events could not be loaded: ${older.error.message}` : `Showing the newest ${events.length.toLocaleString("en-US")} of ${counts.total.toLocaleString("en-US")}.`}
          </span>
          <Button
            variant="secondary"
            size="sm"
            loading={older.isFetching}
            onClick={() => (older.data ? void older.fetchNextPage() : wantOlder ? void older.refetch() : setWantOlder(true))}
          >
            Load older events
          </Button>
        </div>
      )}
    </Card>
  );
}
