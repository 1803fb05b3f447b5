-- AlterTable
ALTER TABLE "alert" ADD COLUMN     "acknowledgedAt" TIMESTAMP(3),
ADD COLUMN     "closedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "alert_assigneeId_firstSeen_idx" ON "alert"("assigneeId", "firstSeen");

-- Rollup kept by the database itself, so every writer (API, baselines, bulk, seeds) stays consistent:
-- acknowledgedAt = earliest status move out of 'open', closedAt = latest move to 'closed' (whether the
-- alert is still closed is decided at query time from alert.status).
CREATE FUNCTION alert_status_rollup() RETURNS trigger AS $$
BEGIN
  IF NEW.field = 'status' AND (NEW."from" = 'open' OR NEW."to" = 'closed') THEN
    UPDATE alert SET
      "acknowledgedAt" = CASE WHEN NEW."from" = 'open' THEN LEAST(COALESCE("acknowledgedAt", NEW.at), NEW.at) ELSE "acknowledgedAt" END,
      "closedAt" = CASE WHEN NEW."to" = 'closed' THEN GREATEST(COALESCE("closedAt", NEW.at), NEW.at) ELSE "closedAt" END
    WHERE id = NEW."alertId";
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER alert_history_status_rollup AFTER INSERT ON alert_history
  FOR EACH ROW EXECUTE FUNCTION alert_status_rollup();

UPDATE alert a SET "acknowledgedAt" = m.acked, "closedAt" = m.closed
FROM (
  SELECT "alertId", min(at) FILTER (WHERE "from" = 'open') AS acked, max(at) FILTER (WHERE "to" = 'closed') AS closed
  FROM alert_history WHERE field = 'status' GROUP BY 1
) m
WHERE m."alertId" = a.id;

-- Covering index for the Trends range scans (index-only). Prisma's schema cannot express INCLUDE, so
-- it lives here; a future `migration:create` that proposes dropping it must have that line removed.
CREATE INDEX "alert_trends_range_idx" ON "alert" ("firstSeen")
  INCLUDE ("priority", "status", "classification", "assigneeId", "ruleId", "createdAt", "acknowledgedAt", "closedAt");
