import { randomFillSync } from "node:crypto";

// Rows written by the ingest SQL need ids before Prisma's @default(cuid()) could give them one.
// Same shape as a cuid (c + 24 lowercase base-36 characters, time first), so ids sort and look alike.
// Randomness is drawn from the CSPRNG in blocks: three ids per event, one syscall per 400 ids.
const BYTES_PER_ID = 10;
const pool = Buffer.alloc(BYTES_PER_ID * 400);
let offset = pool.length;

export function createId(): string {
  if (offset + BYTES_PER_ID > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const random = BigInt(`0x${pool.toString("hex", offset, (offset += BYTES_PER_ID))}`);
  const time = Date.now().toString(36).padStart(9, "0").slice(-9);
  return `c${time}${random.toString(36).padStart(15, "0").slice(-15)}`;
}
