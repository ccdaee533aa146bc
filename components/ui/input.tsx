import type { ComponentProps } from "react";
import { cn } from "./cn";

export const INPUT_CLASSES =
  "block h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm text-zinc-900 shadow-xs " +
  "placeholder:text-zinc-400 transition-colors " +
  "focus:border-brand-500 focus:outline-2 focus:outline-offset-0 focus:outline-brand-500/30 " +
  "disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-500 " +
  "aria-invalid:border-red-500 aria-invalid:focus:outline-red-500/30 " +
  "dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500 dark:disabled:bg-zinc-800/50";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(INPUT_CLASSES, className)} {...props} />;
}
