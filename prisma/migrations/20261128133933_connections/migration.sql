-- CreateEnum
CREATE TYPE "ClusterAuthKind" AS ENUM ('none', 'basic', 'api_key');

-- CreateEnum
CREATE TYPE "ConnectionMode" AS ENUM ('pull', 'push_down');

-- CreateEnum
CREATE TYPE "ConnectionRunStatus" AS ENUM ('running', 'succeeded', 'failed', 'cancelled');

-- AlterTable
ALTER TABLE "alert" ADD COLUMN     "connectionId" TEXT;

-- AlterTable
ALTER TABLE "event" ADD COLUMN     "connectionId" TEXT;

-- CreateTable
CREATE TABLE "connection" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "urls" TEXT[],
    "flavor" TEXT,
    "authKind" "ClusterAuthKind" NOT NULL DEFAULT 'none',
    "username" TEXT,
    "secretCipher" TEXT,
    "caCert" TEXT,
    "verifyTls" BOOLEAN NOT NULL DEFAULT true,
    "indexPatterns" TEXT[],
    "intervalSeconds" INTEGER NOT NULL DEFAULT 300,
    "lookbackSeconds" INTEGER NOT NULL DEFAULT 540,
    "mode" "ConnectionMode" NOT NULL DEFAULT 'pull',
    "ruleIds" TEXT[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "checkpoint" TIMESTAMP(3),
    "nextRunAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "lastRunAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "connection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "connection_run" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "mode" "ConnectionMode" NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "windowEnd" TIMESTAMP(3) NOT NULL,
    "status" "ConnectionRunStatus" NOT NULL DEFAULT 'running',
    "eventsRead" INTEGER NOT NULL DEFAULT 0,
    "eventsStored" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "alertsFound" INTEGER NOT NULL DEFAULT 0,
    "warnings" TEXT[],
    "error" TEXT,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "durationMs" INTEGER,

    CONSTRAINT "connection_run_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "connection_name_key" ON "connection"("name");

-- CreateIndex
CREATE INDEX "connection_enabled_nextRunAt_idx" ON "connection"("enabled", "nextRunAt");

-- CreateIndex
CREATE INDEX "connection_run_connectionId_startedAt_idx" ON "connection_run"("connectionId", "startedAt" DESC);

-- AddForeignKey
ALTER TABLE "event" ADD CONSTRAINT "event_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "connection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "connection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "connection_run" ADD CONSTRAINT "connection_run_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The run lock: at most one running read per connection (a second worker's INSERT fails and it backs off).
CREATE UNIQUE INDEX "connection_run_one_running" ON "connection_run"("connectionId") WHERE "status" = 'running';

-- At most one queued or running pull job per connection, so the scheduler can enqueue with ON CONFLICT DO NOTHING.
CREATE UNIQUE INDEX "job_one_active_pull_per_connection" ON "job"((payload->>'connectionId'))
  WHERE kind = 'pull-connection' AND status IN ('queued', 'running');
