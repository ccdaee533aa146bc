"use client";

import { cn } from "@/components/ui/cn";
import { formatMoment } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/relative-time";
import { useNow } from "@/components/ui/use-now";
import { DeliveryStatusChip } from "@/components/webhooks/delivery-status-chip";
import { formatLatency, statusCodeTone } from "@/components/webhooks/format-delivery";
import type { EventDelivery, TimelineAttempt } from "@/lib/delivery/types";

// The second hop of one event: each endpoint it went to, and each attempt there — when, what the
// endpoint answered, how long it took, and when the next one is due. An attempt opens the
// delivery debugger (the request as sent, the signed string, the answer).
export type InspectAttempt = (deliveryId: string, attemptId: string | null) => void;

/** "hooks.example.com/jobs": enough of a URL to tell endpoints apart. */
export function shortUrl(url: string): string {
  try {
    const { host, pathname } = new URL(url);
    return `${host}${pathname === "/" ? "" : pathname}`;
  } catch {
    return url;
  }
}

const TONE_TEXT = {
  success: "text-success",
  warning: "text-warning",
  danger: "text-danger",
  neutral: "text-default",
  brand: "text-brand",
  info: "text-info",
} as const;

function AttemptButton({ attempt, onInspect }: { attempt: TimelineAttempt; onInspect: () => void }) {
  const now = useNow();
  const tone = statusCodeTone(attempt.statusCode);
  // Named by what it shows (plus words for a screen reader), so a voice user can say what they see;
  // the spaces between the parts are the name's (a flex container lays them out with its gap).
  return (
    <button
      type="button"
      onClick={onInspect}
      data-testid="timeline-attempt"
      data-status-code={attempt.statusCode ?? ""}
      title={attempt.error ?? undefined}
      className="inline-flex items-center gap-1 rounded-md border border-subtle bg-default px-1.5 py-0.5 text-caption text-default tabular-nums shadow-xs hover:border-default hover:bg-subtle focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-focus"
    >
      <span className="sr-only">Attempt</span> <span className="text-subtle">#{attempt.attemptNumber}</span>{" "}
      <span className={cn("font-mono font-semibold", TONE_TEXT[tone])}>
        {attempt.statusCode ?? (
          <>
            <span aria-hidden="true">—</span>
            <span className="sr-only">no answer</span>
          </>
        )}
      </span>{" "}
      <span>{formatLatency(attempt.durationMs)}</span>{" "}
      <time dateTime={attempt.startedAt} className="text-subtle" suppressHydrationWarning>
        {formatMoment(attempt.startedAt, now)}
      </time>
      <span className="sr-only">: show the request and answer</span>
    </button>
  );
}

function DeliveryRow({ delivery, onInspect }: { delivery: EventDelivery; onInspect: InspectAttempt }) {
  const earlier = delivery.attemptCount - delivery.attempts.length;
  const last = delivery.attempts.at(-1);
  return (
    <li data-testid="event-delivery" data-status={delivery.status} className="space-y-1.5">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="min-w-0 truncate font-mono text-caption text-default" title={delivery.endpointUrl}>
          {shortUrl(delivery.endpointUrl)}
        </span>
        <DeliveryStatusChip delivery={delivery} />
        {delivery.nextAttemptAt && delivery.attemptCount > 0 && (
          <span className="text-caption text-subtle">
            next attempt <RelativeTime iso={delivery.nextAttemptAt} />
          </span>
        )}
        {delivery.status === "failed" && delivery.lastError && !last?.error && (
          <span className="text-caption text-danger">{delivery.lastError}</span>
        )}
      </div>
      {delivery.attempts.length > 0 ? (
        <ol aria-label={`Attempts to ${shortUrl(delivery.endpointUrl)}`} className="flex flex-wrap items-center gap-1">
          {earlier > 0 && (
            <li>
              <button type="button" onClick={() => onInspect(delivery.id, null)} className="link text-caption">
                {earlier === 1 ? "1 earlier attempt" : `${earlier} earlier attempts`}
              </button>
            </li>
          )}
          {delivery.attempts.map((attempt) => (
            <li key={attempt.id}>
              <AttemptButton attempt={attempt} onInspect={() => onInspect(delivery.id, attempt.id)} />
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-caption text-subtle">
          {delivery.status === "failed" ? "Never attempted." : "Not attempted yet."}
        </p>
      )}
      {last?.error && <p className="text-caption text-danger">{last.error}</p>}
    </li>
  );
}

export function EventDeliveries({ deliveries, onInspect }: { deliveries: EventDelivery[]; onInspect: InspectAttempt }) {
  return (
    <ul aria-label="Deliveries to your endpoints" className="space-y-2.5">
      {deliveries.map((delivery) => (
        <DeliveryRow key={delivery.id} delivery={delivery} onInspect={onInspect} />
      ))}
    </ul>
  );
}
