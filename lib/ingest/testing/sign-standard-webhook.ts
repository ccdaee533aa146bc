import { createHmac } from "node:crypto";

/**
 * A Standard Webhooks signature (`v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, keyed
 * with the base64 part of a `whsec_` secret), written here with node's crypto and independently of
 * the `standardwebhooks` package the portal verifies with — so tests check the portal against the
 * specification rather than against itself. Also what the ingest benchmark signs its load with.
 */
export function signStandardWebhook(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}
