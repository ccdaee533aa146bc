-- Rate-limit counters shared by every portal process (lib/rate-limit, rate-limiter-flexible's
-- PostgreSQL store, which is told the table exists). UNLOGGED: the counters need no crash safety
-- or replication, and a write that skips the WAL is what makes one per limited request cheap.

-- CreateTable
CREATE UNLOGGED TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RateLimit_expire_idx" ON "RateLimit"("expire");
