import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { SerializedJobEvent } from "@/lib/jobs/serialize-job-detail";
import { formatExact } from "./format";
import { ChevronRightIcon } from "./job-icons";
import { RelativeTime } from "./relative-time";

const DISPOSITIONS: Record<SerializedJobEvent["disposition"], { tone: BadgeTone; label: string; title: string } | null> = {
  applied: null,
  late: { tone: "warning", label: "Late", title: "Arrived after a later status; kept for the timeline only" },
  duplicate: { tone: "neutral", label: "Duplicate", title: "A second delivery of a status the job already had" },
  ignored: { tone: "neutral", label: "Ignored", title: "An event type this portal does not apply" },
};

/** Every delivery the portal stored for the job, oldest first, each with its raw payload. */
export function JobEvents({ events }: { events: SerializedJobEvent[] }) {
  const unusual = events.filter((event) => event.disposition !== "applied").length;
  return (
    <Card>
      <CardHeader className="py-4">
        <CardTitle>Events</CardTitle>
        <CardDescription>
          {events.length === 1 ? "1 webhook delivery" : `${events.length} webhook deliveries`}
          {unusual > 0 && ` · ${unusual} late or duplicate`} — select one to see its payload.
        </CardDescription>
      </CardHeader>
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {events.map((event) => {
          const disposition = DISPOSITIONS[event.disposition];
          return (
            <li key={event.id} data-testid="job-event" data-disposition={event.disposition}>
              <details className="group">
                <summary className="flex cursor-pointer list-none items-center gap-3 px-6 py-3 text-sm hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-brand-500 dark:hover:bg-zinc-800/40 [&::-webkit-details-marker]:hidden">
                  <ChevronRightIcon className="size-4 shrink-0 text-zinc-400 transition-transform group-open:rotate-90" />
                  <span className="w-32 shrink-0 font-mono text-[13px] text-zinc-900 dark:text-zinc-100">{event.event}</span>
                  <span className="min-w-0 flex-1 truncate text-zinc-600 dark:text-zinc-300">{event.status}</span>
                  {disposition && (
                    <Badge tone={disposition.tone} title={disposition.title}>
                      {disposition.label}
                    </Badge>
                  )}
                  <RelativeTime iso={event.occurredAt} style="narrow" className="w-20 shrink-0 text-right text-zinc-500 dark:text-zinc-400" />
                </summary>
                <div className="space-y-3 border-t border-zinc-100 bg-zinc-50/60 px-6 py-4 dark:border-zinc-800 dark:bg-zinc-950/40">
                  <dl className="grid gap-x-6 gap-y-1 text-[13px] sm:grid-cols-[auto_1fr]">
                    <dt className="text-zinc-500 dark:text-zinc-400">webhook-id</dt>
                    <dd className="font-mono break-all text-zinc-800 dark:text-zinc-200">{event.webhookId}</dd>
                    <dt className="text-zinc-500 dark:text-zinc-400">Occurred</dt>
                    <dd className="text-zinc-800 dark:text-zinc-200">{formatExact(event.occurredAt)}</dd>
                    <dt className="text-zinc-500 dark:text-zinc-400">Received</dt>
                    <dd className="text-zinc-800 dark:text-zinc-200">{formatExact(event.receivedAt)}</dd>
                  </dl>
                  <pre className="max-h-96 overflow-auto rounded-md border border-zinc-200 bg-white p-4 font-mono text-[12.5px] leading-relaxed text-zinc-800 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-200">
                    {JSON.stringify(event.payload, null, 2)}
                  </pre>
                </div>
              </details>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
