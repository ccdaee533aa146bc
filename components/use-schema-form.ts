"use client";

import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { type FieldErrors, toFieldErrors } from "@/components/field-errors";

/**
 * A form checked in the browser with the schema its route uses: on submit, what the form holds is
 * parsed, each invalid field gets one message, and valid data goes on to `onValid`.
 */
export function useSchemaForm<Schema extends z.ZodType>(
  schema: Schema,
  read: (form: HTMLFormElement) => unknown,
  onValid: (data: z.output<Schema>) => void,
) {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<Extract<keyof z.input<Schema>, string>>>({});

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = schema.safeParse(read(event.currentTarget));
    setFieldErrors(parsed.success ? {} : toFieldErrors(parsed.error));
    if (parsed.success) onValid(parsed.data);
  }

  return { fieldErrors, handleSubmit, clearFieldErrors: () => setFieldErrors({}) };
}
