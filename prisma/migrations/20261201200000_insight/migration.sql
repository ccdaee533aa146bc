-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('job_failed', 'job_stuck', 'endpoint_disabled', 'upstream_silent');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('pending', 'sending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "AlertConfig" (
    "workspaceId" TEXT NOT NULL,
    "kinds" "AlertKind"[],
    "emails" TEXT[],
    "slackUrlEnc" TEXT,
    "silentHours" INTEGER NOT NULL DEFAULT 6,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertConfig_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "status" "AlertStatus" NOT NULL DEFAULT 'pending',
    "firedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseExpiresAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "digest" BOOLEAN NOT NULL DEFAULT false,
    "lastError" TEXT,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Alert_workspaceId_dedupeKey_key" ON "Alert"("workspaceId", "dedupeKey");

-- CreateIndex
CREATE INDEX "Alert_status_firedAt_idx" ON "Alert"("status", "firedAt");

-- CreateIndex
CREATE INDEX "Alert_workspaceId_firedAt_idx" ON "Alert"("workspaceId", "firedAt" DESC);

-- AddForeignKey
ALTER TABLE "AlertConfig" ADD CONSTRAINT "AlertConfig_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "JobCounter" (
    "workspaceId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "apiProduct" "ApiProduct" NOT NULL,
    "state" "JobState" NOT NULL,
    "jobs" INTEGER NOT NULL,
    "cost" DECIMAL(30,4) NOT NULL,
    "mediaSeconds" DECIMAL(30,3) NOT NULL,
    "shard" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "JobCounter_pkey" PRIMARY KEY ("workspaceId","hour","apiProduct","state","shard")
);

-- AddForeignKey
ALTER TABLE "JobCounter" ADD CONSTRAINT "JobCounter_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "JobDayCounter" (
    "workspaceId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "apiProduct" "ApiProduct" NOT NULL,
    "state" "JobState" NOT NULL,
    "jobs" INTEGER NOT NULL,
    "cost" DECIMAL(30,4) NOT NULL,
    "mediaSeconds" DECIMAL(30,3) NOT NULL,
    "shard" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "JobDayCounter_pkey" PRIMARY KEY ("workspaceId","day","apiProduct","state","shard")
);

-- AddForeignKey
ALTER TABLE "JobDayCounter" ADD CONSTRAINT "JobDayCounter_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
