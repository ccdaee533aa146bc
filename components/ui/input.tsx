import type { ComponentProps } from "react";
import { cn } from "./cn";

export const INPUT_CLASSES =
  "block h-9 w-full rounded-md border border-emphasis bg-default px-3 text-sm text-emphasis shadow-xs " +
  "placeholder:text-muted transition-colors " +
  "focus:border-brand focus:outline-2 focus:outline-offset-0 focus:outline-focus/30 " +
  "disabled:cursor-not-allowed disabled:bg-muted disabled:text-subtle " +
  "aria-invalid:border-danger-emphasis aria-invalid:focus:outline-danger/30";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(INPUT_CLASSES, className)} {...props} />;
}
