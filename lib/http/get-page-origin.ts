import { headers } from "next/headers";
import { env } from "@/lib/env";

/** getPublicOrigin for server components, which have the request's headers but not the request. */
export async function getPageOrigin(): Promise<string> {
  if (env.NEXTAUTH_URL) return new URL(env.NEXTAUTH_URL).origin;
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost";
  const protocol = list.get("x-forwarded-proto") ?? "http";
  return `${protocol}://${host}`;
}
