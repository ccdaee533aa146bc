"use client";

import { formatExact, formatRelative } from "./format";
import { useNow } from "./use-now";

/** "5m ago", with the exact time in the title and the machine-readable one in dateTime. */
export function RelativeTime({
  iso,
  style = "long",
  className,
}: {
  iso: string;
  style?: "long" | "narrow";
  className?: string;
}) {
  const now = useNow();
  return (
    // The server's clock and the browser's differ by a render: the text may too.
    <time dateTime={iso} title={formatExact(iso)} className={className} suppressHydrationWarning>
      {formatRelative(iso, now, style)}
    </time>
  );
}
