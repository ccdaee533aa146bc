import type { HTMLAttributes } from "react";
import { cn } from "./cn";

/** A placeholder block while data loads; size it with className. */
export function Skeleton({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-zinc-200/70 dark:bg-zinc-800", className)} {...props} />;
}
