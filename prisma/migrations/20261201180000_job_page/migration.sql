-- AlterTable
ALTER TABLE "WebhookEndpoint" ADD COLUMN     "skippedFrom" TIMESTAMP(3),
ADD COLUMN     "skippedUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "retryBase" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "WebhookAttemptExchange" (
    "attemptId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "requestUrl" TEXT NOT NULL,
    "requestHeaders" JSONB NOT NULL,
    "requestBody" TEXT NOT NULL,
    "requestBodyBytes" INTEGER NOT NULL,
    "responseHeaders" JSONB,

    CONSTRAINT "WebhookAttemptExchange_pkey" PRIMARY KEY ("attemptId")
);

-- CreateIndex
CREATE INDEX "WebhookAttemptExchange_createdAt_idx" ON "WebhookAttemptExchange"("createdAt");

-- AddForeignKey
ALTER TABLE "WebhookAttemptExchange" ADD CONSTRAINT "WebhookAttemptExchange_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "WebhookAttempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
