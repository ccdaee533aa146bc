import { type ComponentProps, type ReactNode, useId } from "react";
import { cn } from "./cn";
import { FieldError } from "./field-error";
import { Input } from "./input";
import { Label } from "./label";

export interface TextFieldProps extends ComponentProps<"input"> {
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Something beside the label, such as a "Forgot?" link. */
  labelAside?: ReactNode;
}

/** Label, input, hint and error wired together (ids, aria-invalid, aria-describedby). */
export function TextField({ label, hint, error, labelAside, className, id, ...props }: TextFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint && !error ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1.5", className)}>
      <div className="flex items-baseline justify-between gap-2">
        <Label htmlFor={inputId}>{label}</Label>
        {labelAside}
      </div>
      <Input id={inputId} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...props} />
      {hint && !error && (
        <p id={hintId} className="text-ui text-subtle">
          {hint}
        </p>
      )}
      <FieldError id={errorId} message={error} className="mt-0" />
    </div>
  );
}

/** A field for text typed exactly, such as a header name or a secret: monospace, no autocomplete or spell check. */
export function CodeField(props: TextFieldProps) {
  return (
    <TextField autoComplete="off" spellCheck={false} className="[&_input]:font-mono [&_input]:text-ui" {...props} />
  );
}
