import { cn } from "@/components/ui/cn";
import type { EndpointStats } from "@/lib/webhook-endpoints/types";
import { formatSuccessRate, successRateTone } from "./format-delivery";

const BAR: Record<ReturnType<typeof successRateTone>, string> = {
  success: "bg-success-emphasis",
  warning: "bg-warning-emphasis",
  danger: "bg-danger-emphasis",
  neutral: "bg-neutral-emphasis",
  brand: "bg-brand-emphasis",
  info: "bg-info-emphasis",
};

/** "98.5%" over a thin bar, with the counts behind it in the title. Deliveries in flight count as neither. */
export function SuccessRate({ stats, className }: { stats: EndpointStats; className?: string }) {
  const total = stats.succeeded + stats.failing;
  const inFlight = stats.inFlight > 0 ? ` (${stats.inFlight} more in flight, not counted yet)` : "";
  const title =
    total === 0
      ? `No delivery finished an attempt in the last ${stats.windowHours} hours${inFlight}`
      : `${stats.succeeded} of ${total} deliveries succeeded in the last ${stats.windowHours} hours${inFlight}`;
  return (
    <div className={cn("w-24 space-y-1", className)} title={title} data-testid="success-rate">
      <span className="text-sm font-medium text-emphasis tabular-nums">{formatSuccessRate(stats.successRate)}</span>
      <div className="h-1 overflow-hidden rounded-full bg-subtle" aria-hidden="true">
        <div
          className={cn("h-full rounded-full", BAR[successRateTone(stats.successRate)])}
          style={{ width: `${(stats.successRate ?? 0) * 100}%` }}
        />
      </div>
    </div>
  );
}
