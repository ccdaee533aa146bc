import { z } from "zod";
import { JOB_EVENTS } from "@/lib/workflow/workflows";

// Webhook endpoints: the add/edit forms and /api/webhook-endpoints share these schemas. Whether a
// URL is reachable and public is checked on the server at save time (lib/ssrf), not here.
export const DESCRIPTION_MAX_LENGTH = 200;
export const URL_MAX_LENGTH = 2048;

function hasCredentials(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== "" || parsed.password !== "";
  } catch {
    return false;
  }
}

export const endpointUrlSchema = z
  .string({ error: "Enter the URL that should receive events" })
  .trim()
  .min(1, { error: "Enter the URL that should receive events" })
  .max(URL_MAX_LENGTH, { error: "Use a shorter URL" })
  .pipe(z.url({ protocol: /^https?$/, error: "Enter a URL starting with https://" }))
  // Credentials in a URL end up in logs and screenshots; receivers verify the signature instead.
  .refine((url) => !hasCredentials(url), {
    error: "Leave out the user name and password: verify the signature instead",
  })
  .refine((url) => !url.includes("#"), { error: "Leave out the #fragment: it is never sent" });

// null is "no description": what the form's own parse makes of an empty field and sends on, so the
// server must take it (an empty optional field once failed with "expected string, received null").
export const endpointDescriptionSchema = z
  .string()
  .trim()
  .max(DESCRIPTION_MAX_LENGTH, { error: `At most ${DESCRIPTION_MAX_LENGTH} characters` })
  .transform((text) => text || null)
  .nullable();

export const eventTypesSchema = z
  .array(z.enum(JOB_EVENTS, { error: `Choose among ${JOB_EVENTS.join(", ")}` }), { error: "Choose at least one event" })
  .min(1, { error: "Choose at least one event" })
  // Stored in JOB_EVENTS order without repeats, so equal choices compare equal.
  .transform((types) => JOB_EVENTS.filter((type) => types.includes(type)));

export const createEndpointSchema = z.object({
  url: endpointUrlSchema,
  description: endpointDescriptionSchema.optional().transform((text) => text ?? null),
  eventTypes: eventTypesSchema,
  enabled: z.boolean().default(true),
});
export type CreateEndpointInput = z.output<typeof createEndpointSchema>;

/** PATCH: only the fields present change; `description: null` (or "") removes the description. */
export const updateEndpointSchema = z
  .object({
    url: endpointUrlSchema.optional(),
    description: endpointDescriptionSchema.optional(),
    eventTypes: eventTypesSchema.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), { error: "Nothing to change" });
export type UpdateEndpointInput = z.output<typeof updateEndpointSchema>;
