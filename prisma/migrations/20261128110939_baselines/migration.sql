-- CreateEnum
CREATE TYPE "BaselineStatus" AS ENUM ('proposed', 'active', 'rejected', 'revoked');

-- CreateEnum
CREATE TYPE "BaselineOnMatch" AS ENUM ('close', 'low');

-- AlterTable
ALTER TABLE "alert" ADD COLUMN     "baselineId" TEXT;

-- CreateTable
CREATE TABLE "baseline" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "status" "BaselineStatus" NOT NULL,
    "scope" JSONB NOT NULL,
    "justification" TEXT NOT NULL,
    "ticket" TEXT,
    "onMatch" "BaselineOnMatch" NOT NULL DEFAULT 'close',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "closeMode" TEXT NOT NULL DEFAULT 'source',
    "sourceAlertId" TEXT,
    "authorId" TEXT,
    "approverId" TEXT,
    "approvedAt" TIMESTAMP(3),
    "reviewComment" TEXT,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "baseline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "baseline_audit" (
    "id" BIGSERIAL NOT NULL,
    "baselineId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "comment" TEXT,
    "snapshot" JSONB NOT NULL,

    CONSTRAINT "baseline_audit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "baseline_status_expiresAt_idx" ON "baseline"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "baseline_audit_baselineId_at_idx" ON "baseline_audit"("baselineId", "at");

-- CreateIndex
CREATE INDEX "alert_baselineId_idx" ON "alert"("baselineId");

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_baselineId_fkey" FOREIGN KEY ("baselineId") REFERENCES "baseline"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "baseline" ADD CONSTRAINT "baseline_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "baseline" ADD CONSTRAINT "baseline_approverId_fkey" FOREIGN KEY ("approverId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "baseline_audit" ADD CONSTRAINT "baseline_audit_baselineId_fkey" FOREIGN KEY ("baselineId") REFERENCES "baseline"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "baseline_audit" ADD CONSTRAINT "baseline_audit_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
