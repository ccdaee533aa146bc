import { z } from "zod";

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

/** The first message per field of a failed parse, for forms that show one message under each input. */
export function toFieldErrors<Field extends string>(error: z.ZodError): FieldErrors<Field> {
  const { fieldErrors } = z.flattenError(error);
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, messages]) => [field, (messages as string[] | undefined)?.[0]]),
  ) as FieldErrors<Field>;
}
