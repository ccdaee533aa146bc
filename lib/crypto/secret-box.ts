import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// Secrets stored in the database (upstream API keys, signing secrets) are sealed with
// AES-256-GCM under APP_ENCRYPTION_KEY: a database dump alone reveals none of them.
const VERSION = "v1";

function keyFrom(material: string | undefined): Buffer {
  if (!material) throw new Error("APP_ENCRYPTION_KEY is not set (npm run demo generates one under .data/)");
  if (/^[0-9a-f]{64}$/i.test(material)) return Buffer.from(material, "hex");
  const decoded = Buffer.from(material, "base64");
  if (decoded.length === 32) return decoded;
  // Any other passphrase: stretch it to 32 bytes so a long random string also works.
  return createHash("sha256").update(material, "utf8").digest();
}

let cachedKey: Buffer | null = null;
function key(): Buffer {
  cachedKey ??= keyFrom(env.APP_ENCRYPTION_KEY);
  return cachedKey;
}

export function seal(plaintext: string, withKey: Buffer = key()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", withKey, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${iv.toString("base64url")}.${body.toString("base64url")}`;
}

export function open(sealed: string, withKey: Buffer = key()): string {
  const [version, ivText, bodyText] = sealed.split(".");
  if (version !== VERSION || !ivText || !bodyText) throw new Error("not a sealed secret");
  const body = Buffer.from(bodyText, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", withKey, Buffer.from(ivText, "base64url"));
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString("utf8");
}

export function generateEncryptionKey(): string {
  return randomBytes(32).toString("base64");
}
