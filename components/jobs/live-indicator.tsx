import { cn } from "@/components/ui/cn";
import { type LiveStatus, POLL_MS } from "./use-live-job-updates";

const LABELS: Record<LiveStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  paused: "Live updates paused",
};

const TITLES: Record<LiveStatus, string> = {
  connecting: "Connecting to live updates",
  live: "Changes appear as the Jobs API reports them",
  reconnecting: "The live connection dropped; reconnecting",
  paused: `Too many live connections are open (other tabs, or a busy server): this page refreshes every ${POLL_MS / 1000} s and tries live updates again in a minute.`,
};

/** Whether the page is receiving changes as they happen. */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  return (
    <span
      role="status"
      data-testid="live-status"
      data-status={status}
      title={TITLES[status]}
      className="inline-flex items-center gap-2 rounded-full border border-subtle bg-default px-2.5 py-1 text-xs font-medium text-default shadow-xs"
    >
      <span className="relative flex size-2">
        {status === "live" && (
          <span className="absolute inline-flex size-full animate-ping rounded-full bg-success-emphasis opacity-60" />
        )}
        <span
          className={cn(
            "relative inline-flex size-2 rounded-full",
            status === "live" ? "bg-success-emphasis" : "bg-warning-emphasis",
          )}
        />
      </span>
      {LABELS[status]}
      {status === "paused" && <span className="font-normal text-subtle">· refreshing every {POLL_MS / 1000} s</span>}
    </span>
  );
}
