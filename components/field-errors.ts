import { z } from "zod";
import { RequestError } from "@/lib/http/fetch-json";

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

/** The first message per field of a failed parse, for forms that show one message under each input. */
export function toFieldErrors<Field extends string>(error: z.ZodError): FieldErrors<Field> {
  const { fieldErrors } = z.flattenError(error);
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, messages]) => [field, (messages as string[] | undefined)?.[0]]),
  ) as FieldErrors<Field>;
}

export interface ServerFieldErrorsOptions<Field extends string> {
  /** The form's fields; a detail about any other field is left to the banner. Default: every field named. */
  fields?: readonly Field[];
  /** The object the form's fields sit in, in the request (`profile` for `profile.header`). */
  under?: string;
}

/**
 * The server's refusal of a form's input, one message per field, from the error envelope's
 * `details` (`url`, `eventTypes.0`, `profile.header`); null when it names none of the form's fields,
 * and the answer belongs in a banner instead.
 */
export function serverFieldErrors<Field extends string>(
  error: unknown,
  options: ServerFieldErrorsOptions<Field> = {},
): FieldErrors<Field> | null {
  if (!(error instanceof RequestError)) return null;
  const errors: FieldErrors<Field> = {};
  for (const { field, issue } of error.details) {
    const path = field.split(".");
    const name = (options.under !== undefined && path[0] === options.under ? path[1] : path[0]) as Field | undefined;
    if (name && (!options.fields || options.fields.includes(name))) errors[name] ??= capitalize(issue);
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

/** "webhook URLs must use https://" reads as a sentence; "crm.example.com could not be resolved" keeps its host name. */
function capitalize(text: string): string {
  return /^[a-z]+(\s|$)/.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
