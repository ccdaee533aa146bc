import type { HTMLAttributes } from "react";
import { cn } from "./cn";

/**
 * A polite live region that is in the page before anything is put in it: screen readers announce
 * what appears in a region they already know, and often miss one inserted together with its
 * message. Empty, it is taken out of the flow, so in a flex or grid container it adds no gap.
 */
export function LiveRegion({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={cn("empty:absolute", className)} {...props} />
  );
}
