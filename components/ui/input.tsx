import type { ComponentProps } from "react";
import { cn } from "./cn";

export const INPUT_CLASSES =
  "block h-9 w-full rounded-md border border-emphasis bg-default px-3 text-sm text-emphasis shadow-xs " +
  "placeholder:text-muted transition-colors " +
  // The focus ring lies over the border, solid: a faint halo would not show which field has focus.
  // focus-within too: a date input's focus is on a part inside it (a day, month or year, the picker).
  "focus:outline-2 focus:-outline-offset-1 focus:outline-focus " +
  "focus-within:outline-2 focus-within:-outline-offset-1 focus-within:outline-focus " +
  "disabled:cursor-not-allowed disabled:bg-muted disabled:text-subtle " +
  "aria-invalid:border-danger-emphasis aria-invalid:focus:outline-danger";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(INPUT_CLASSES, className)} {...props} />;
}
