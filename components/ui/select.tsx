import type { SelectHTMLAttributes } from "react";
import { cn } from "./cn";
import { ChevronUpDownIcon } from "./icons";
import { INPUT_CLASSES } from "./input";

/** A native select dressed like the inputs: keyboard and screen-reader behaviour for free. */
export function Select({ className, children, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div className={cn("relative", className)}>
      <select className={cn(INPUT_CLASSES, "appearance-none pr-8")} {...props}>
        {children}
      </select>
      <ChevronUpDownIcon className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-muted" />
    </div>
  );
}
