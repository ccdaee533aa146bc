"use client";

import { useState } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { formatExact, formatMoment } from "@/components/ui/format";
import { AlertIcon, ArrowRightIcon, ChevronRightIcon } from "@/components/ui/icons";
import { useNow } from "@/components/ui/use-now";
import type { TimelineEvent as TimelineEventData } from "@/lib/jobs/types";
import { arrivalLagMs, formatLag, isLagging } from "./arrival-lag";
import { EventDeliveries, type InspectAttempt } from "./event-deliveries";
import { EventPayload } from "./event-payload";

const DISPOSITIONS: Record<TimelineEventData["disposition"], { tone: BadgeTone; label: string; title: string } | null> =
  {
    applied: null,
    late: { tone: "warning", label: "Late", title: "Arrived after a later status; kept for the timeline only" },
    duplicate: {
      tone: "neutral",
      label: "Duplicate",
      title: "A second report of a status the job already had, under another webhook-id",
    },
    ignored: {
      tone: "neutral",
      label: "Ignored",
      title: "An event this portal does not apply: an unknown type, or one that contradicts the workflow",
    },
  };

function Moment({ iso, now }: { iso: string; now: number }) {
  return (
    <time
      dateTime={iso}
      title={formatExact(iso)}
      className="font-medium text-default tabular-nums"
      suppressHydrationWarning
    >
      {formatMoment(iso, now)}
    </time>
  );
}

/** One report of a status: both hops — the Jobs API to this portal, then this portal to your endpoints. */
export function TimelineEvent({
  jobId,
  event,
  showDeliveries,
  onInspect,
}: {
  jobId: string;
  event: TimelineEventData;
  /** False for members who may not read delivery logs: the second hop is not theirs to see. */
  showDeliveries: boolean;
  onInspect: InspectAttempt;
}) {
  const now = useNow();
  const [showPayload, setShowPayload] = useState(false);
  const disposition = DISPOSITIONS[event.disposition];
  const lag = arrivalLagMs(event);
  const lagging = isLagging(lag);
  return (
    <li
      data-testid="job-event"
      data-disposition={event.disposition}
      className={cn("rounded-md border bg-muted/50 px-3.5 py-3", lagging ? "border-warning" : "border-subtle")}
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="font-mono text-ui font-medium text-emphasis">{event.event}</span>
        {disposition && (
          <Badge tone={disposition.tone} title={disposition.title} data-testid="event-disposition">
            {disposition.label}
          </Badge>
        )}
        <button
          type="button"
          aria-expanded={showPayload}
          onClick={() => setShowPayload((open) => !open)}
          className="ml-auto inline-flex items-center gap-1 rounded-sm text-caption text-subtle hover:text-emphasis focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
        >
          <ChevronRightIcon className={cn("size-3.5 transition-transform", showPayload && "rotate-90")} />
          Payload
        </button>
      </div>
      <p
        className="mt-1.5 flex flex-wrap items-center gap-x-1.5 gap-y-1 text-caption text-subtle"
        data-testid="event-arrival"
      >
        <span>
          Jobs API <Moment iso={event.occurredAt} now={now} />
        </span>{" "}
        <ArrowRightIcon className="size-3 text-muted" aria-hidden="true" />
        <span className="sr-only">then </span>
        <span>
          portal <Moment iso={event.receivedAt} now={now} />
        </span>{" "}
        <span
          data-testid="arrival-lag"
          data-lagging={lagging || undefined}
          className={cn(
            "inline-flex items-center gap-1 rounded-full px-1.5 tabular-nums",
            lagging ? "bg-warning font-medium text-warning" : "bg-subtle text-default",
          )}
        >
          {lagging && <AlertIcon className="size-3" />}
          {lagging ? `arrived ${formatLag(lag)} late` : formatLag(lag)}
        </span>
      </p>
      {showPayload && (
        <div className="mt-2.5 space-y-2">
          <p className="font-mono text-caption break-all text-subtle">webhook-id {event.webhookId}</p>
          <EventPayload jobId={jobId} eventId={event.id} />
        </div>
      )}
      {showDeliveries && (
        <div className="mt-2.5 border-t border-subtle pt-2.5">
          {event.deliveries.length > 0 ? (
            <EventDeliveries deliveries={event.deliveries} onInspect={onInspect} />
          ) : (
            <p className="text-caption text-subtle">
              {event.disposition === "ignored"
                ? "Not passed on: events the portal ignores go to no endpoint."
                : "Sent to no endpoint: none was subscribed to this event when it arrived."}
            </p>
          )}
        </div>
      )}
    </li>
  );
}
