import "server-only";
import { prisma } from "@/lib/db/client";
import { hashPassword, verifyPassword } from "./password";

// A hash to compare against when the email is unknown, so a miss costs the same time as a hit
// and response timing does not reveal which emails have accounts.
let decoyHash: Promise<string> | null = null;

export async function authenticateWithPassword(email: string, password: string) {
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  decoyHash ??= hashPassword("decoy-password-for-timing");
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
  if (!user?.passwordHash || !valid) return null;
  return { id: user.id, email: user.email, name: user.name };
}
