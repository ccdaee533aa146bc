import type { LabelHTMLAttributes } from "react";
import { cn } from "./cn";

export function Label({ className, ...props }: LabelHTMLAttributes<HTMLLabelElement>) {
  // biome-ignore lint/a11y/noLabelWithoutControl: the caller passes htmlFor (or wraps the control) through props.
  return <label className={cn("block text-sm font-medium text-emphasis", className)} {...props} />;
}
