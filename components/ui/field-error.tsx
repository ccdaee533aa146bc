import { cn } from "./cn";

/** A field's validation message; give it the id the input names in aria-describedby. */
export function FieldError({ id, message, className }: { id: string; message?: string; className?: string }) {
  if (!message) return null;
  return (
    <p id={id} className={cn("mt-1.5 text-ui text-danger", className)}>
      {message}
    </p>
  );
}
