-- AlterEnum
-- PostgreSQL 12+ adds an enum value inside the migration's transaction, but the value cannot be
-- used before that transaction commits: nothing below refers to it.
ALTER TYPE "AlertKind" ADD VALUE 'download_failing';

-- CreateTable
CREATE TABLE "DownloadResultHealth" (
    "workspaceId" TEXT NOT NULL,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "failingSince" TIMESTAMP(3),
    "lastFailureAt" TIMESTAMP(3),
    "lastError" TEXT,
    "lastSuccessAt" TIMESTAMP(3),

    CONSTRAINT "DownloadResultHealth_pkey" PRIMARY KEY ("workspaceId")
);

-- AddForeignKey
ALTER TABLE "DownloadResultHealth" ADD CONSTRAINT "DownloadResultHealth_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
