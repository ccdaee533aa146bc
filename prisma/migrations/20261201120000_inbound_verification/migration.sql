-- CreateEnum
CREATE TYPE "InboundVerification" AS ENUM ('standard_webhooks', 'hmac', 'url_token');

-- CreateEnum
CREATE TYPE "InboundRefusalReason" AS ENUM ('missing_header', 'malformed_header', 'timestamp_outside_tolerance', 'signature_mismatch', 'missing_token', 'unexpected_token', 'unknown_token', 'body_not_utf8', 'body_not_json', 'contract_field');

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "inboundVerification" "InboundVerification" NOT NULL DEFAULT 'standard_webhooks',
ADD COLUMN     "inboundVerificationConfig" JSONB;

-- CreateTable
CREATE TABLE "InboundRefusal" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "reason" "InboundRefusalReason" NOT NULL,
    "message" TEXT NOT NULL,
    "httpStatus" INTEGER NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "headerNames" TEXT[],
    "bodyExcerpt" TEXT NOT NULL,
    "details" JSONB,

    CONSTRAINT "InboundRefusal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InboundRefusal_workspaceId_lastSeenAt_idx" ON "InboundRefusal"("workspaceId", "lastSeenAt" DESC);

-- AddForeignKey
ALTER TABLE "InboundRefusal" ADD CONSTRAINT "InboundRefusal_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
