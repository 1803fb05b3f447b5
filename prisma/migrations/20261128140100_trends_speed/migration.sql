-- Issue 7, Trends at 1 M alerts: every chart under 300 ms. Written by hand (several people change the
-- schema at once); the table is mirrored in schema.prisma as AlertTrendsCount.

-- CreateTable
CREATE TABLE "alert_trends_count" (
    "dimension" TEXT NOT NULL,
    "slot" TIMESTAMP(3) NOT NULL,
    "key1" TEXT NOT NULL,
    "key2" TEXT NOT NULL DEFAULT '',
    "alerts" INTEGER NOT NULL,
    "closed" INTEGER NOT NULL DEFAULT 0,
    "falsePositives" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "alert_trends_count_pkey" PRIMARY KEY ("dimension","slot","key1","key2")
);

-- The team-wide Trends charts that are plain counts read this instead of every alert of the period (a
-- 30-day period is ~80 k alerts at 1 M; the top hosts alone took 2.4 s). Counts per UTC slot (firstSeen),
-- kept by the database in the same transaction as each change, like alert_count (triage_speed):
--   hour         key1 = priority, key2 = closing-reason family ('' = not classified)  volume, outcomes
--   rule         per UTC day: key1 = ruleId, key2 = ruleName; also closed / closed as false positive
--   host, user   per UTC day: key1 = sourceHost / userName (alerts without one: no row)
--   destination  per UTC day: key1 = each element of destinations (an element twice counts twice)
-- A chart sums the slots that lie wholly inside its period and, when bucketed, inside one local bucket;
-- alerts in the other slots (a period's partial first and last UTC day, an hour cut by a +05:30 local
-- midnight) are counted from alert itself (lib/server/trends/trends-rollup-sql.ts), so the figures are
-- exact in every time zone. An analyst's own figures are read from alert (about 5 % of the rows).
-- Zero rows are kept (cheaper than deleting under concurrent writers); readers ignore them.
CREATE FUNCTION alert_trends_keys(first_seen timestamp, priority "Priority", status "AlertStatus", classification text,
    rule_id text, rule_name text, host text, user_name text, destinations text[])
RETURNS TABLE (dimension text, slot timestamp, key1 text, key2 text, closed int, false_positives int)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  -- The families are outcomeOf in lib/server/trends/trends-sql.ts.
  SELECT 'hour', date_trunc('hour', first_seen), priority::text, CASE
      WHEN classification IS NULL THEN ''
      WHEN classification LIKE 'true_positive%' THEN 'true_positive'
      WHEN classification LIKE 'benign_positive%' THEN 'benign_positive'
      WHEN classification LIKE 'false_positive%' THEN 'false_positive'
      WHEN classification = 'duplicate' THEN 'duplicate'
      ELSE 'undetermined' END, 0, 0
  UNION ALL SELECT 'rule', date_trunc('day', first_seen), rule_id, rule_name,
    CASE WHEN status = 'closed' THEN 1 ELSE 0 END,
    CASE WHEN status = 'closed' AND classification LIKE 'false_positive%' THEN 1 ELSE 0 END
  UNION ALL SELECT 'host', date_trunc('day', first_seen), host, '', 0, 0 WHERE host IS NOT NULL
  UNION ALL SELECT 'user', date_trunc('day', first_seen), user_name, '', 0, 0 WHERE user_name IS NOT NULL
  UNION ALL SELECT 'destination', date_trunc('day', first_seen), d, '', 0, 0 FROM unnest(destinations) d WHERE d IS NOT NULL
$$;

-- Statement-level with transition tables (a bulk change is one aggregated upsert); old rows count -1 and
-- new rows +1, so updates touching none of the keyed columns net to zero and write nothing. Rows are
-- upserted in key order, so concurrent writers lock them in the same order.
CREATE FUNCTION alert_trends_count_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO alert_trends_count AS c (dimension, slot, key1, key2, alerts, closed, "falsePositives")
    SELECT k.dimension, k.slot, k.key1, k.key2, count(*), sum(k.closed), sum(k.false_positives)
    FROM new_rows r CROSS JOIN LATERAL alert_trends_keys(r."firstSeen", r.priority, r.status, r.classification,
      r."ruleId", r."ruleName", r."sourceHost", r."userName", r.destinations) k
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (dimension, slot, key1, key2) DO UPDATE
      SET alerts = c.alerts + excluded.alerts, closed = c.closed + excluded.closed, "falsePositives" = c."falsePositives" + excluded."falsePositives";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO alert_trends_count AS c (dimension, slot, key1, key2, alerts, closed, "falsePositives")
    SELECT k.dimension, k.slot, k.key1, k.key2, -count(*), -sum(k.closed), -sum(k.false_positives)
    FROM old_rows r CROSS JOIN LATERAL alert_trends_keys(r."firstSeen", r.priority, r.status, r.classification,
      r."ruleId", r."ruleName", r."sourceHost", r."userName", r.destinations) k
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (dimension, slot, key1, key2) DO UPDATE
      SET alerts = c.alerts + excluded.alerts, closed = c.closed + excluded.closed, "falsePositives" = c."falsePositives" + excluded."falsePositives";
  ELSE
    INSERT INTO alert_trends_count AS c (dimension, slot, key1, key2, alerts, closed, "falsePositives")
    SELECT k.dimension, k.slot, k.key1, k.key2, sum(r.sign), sum(r.sign * k.closed), sum(r.sign * k.false_positives)
    FROM (SELECT -1 AS sign, "firstSeen", priority, status, classification, "ruleId", "ruleName", "sourceHost", "userName", destinations FROM old_rows
          UNION ALL
          SELECT 1, "firstSeen", priority, status, classification, "ruleId", "ruleName", "sourceHost", "userName", destinations FROM new_rows) r
    CROSS JOIN LATERAL alert_trends_keys(r."firstSeen", r.priority, r.status, r.classification,
      r."ruleId", r."ruleName", r."sourceHost", r."userName", r.destinations) k
    GROUP BY 1, 2, 3, 4 HAVING sum(r.sign) <> 0 OR sum(r.sign * k.closed) <> 0 OR sum(r.sign * k.false_positives) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (dimension, slot, key1, key2) DO UPDATE
      SET alerts = c.alerts + excluded.alerts, closed = c.closed + excluded.closed, "falsePositives" = c."falsePositives" + excluded."falsePositives";
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION alert_trends_count_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM alert_trends_count;
  RETURN NULL;
END $$;

CREATE TRIGGER alert_trends_count_insert AFTER INSERT ON alert REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION alert_trends_count_apply();
CREATE TRIGGER alert_trends_count_update AFTER UPDATE ON alert REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION alert_trends_count_apply();
CREATE TRIGGER alert_trends_count_delete AFTER DELETE ON alert REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION alert_trends_count_apply();
CREATE TRIGGER alert_trends_count_truncate AFTER TRUNCATE ON alert
  FOR EACH STATEMENT EXECUTE FUNCTION alert_trends_count_truncate();

-- Recounts from scratch: for this migration, and after bulk loads that bypass the triggers (as
-- bench/trends.ts does). Inserted in key order, so each chart's slot range is a contiguous read.
CREATE FUNCTION alert_trends_count_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE alert IN SHARE MODE;
  DELETE FROM alert_trends_count;
  INSERT INTO alert_trends_count (dimension, slot, key1, key2, alerts, closed, "falsePositives")
  SELECT k.dimension, k.slot, k.key1, k.key2, count(*), sum(k.closed), sum(k.false_positives)
  FROM alert a CROSS JOIN LATERAL alert_trends_keys(a."firstSeen", a.priority, a.status, a.classification,
    a."ruleId", a."ruleName", a."sourceHost", a."userName", a.destinations) k
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;
END $$;

SELECT alert_trends_count_rebuild();

-- Response times, KPIs and SLA need each alert's seconds to acknowledge / to close; working them out
-- per query (extract(epoch …)::float8: numeric arithmetic, cast back through text) was up to half of
-- their time. Stored generated columns hold exactly the value the query computed (trends_rollup's
-- acknowledgedAt / closedAt rollup; a reopened alert has no time to close until it is closed again).
-- AlterTable
ALTER TABLE "alert"
  ADD COLUMN "ackSeconds" DOUBLE PRECISION GENERATED ALWAYS AS (
    CASE WHEN "acknowledgedAt" IS NOT NULL THEN greatest(0, extract(epoch FROM "acknowledgedAt" - "createdAt"))::float8 END) STORED,
  ADD COLUMN "closeSeconds" DOUBLE PRECISION GENERATED ALWAYS AS (
    CASE WHEN "status" = 'closed' AND "closedAt" IS NOT NULL THEN greatest(0, extract(epoch FROM "closedAt" - "createdAt"))::float8 END) STORED;

-- Covering index for those queries' range scans (index-only, with the stored seconds). INCLUDE, so
-- Prisma's schema cannot express it; schema.prisma points here. alert_trends_range_idx stays.
CREATE INDEX "alert_trends_times_idx" ON "alert" ("firstSeen")
  INCLUDE ("priority", "status", "classification", "assigneeId", "createdAt", "ackSeconds", "closeSeconds");

-- The backlog chart reads the open and acknowledged alerts (a few % of all) with their priority and
-- age: a partial covering index makes that an index-only scan instead of ~25 k heap fetches. Partial
-- and INCLUDE, so Prisma's schema cannot express it; schema.prisma points here.
CREATE INDEX "alert_backlog_idx" ON "alert" ("assigneeId") INCLUDE ("priority", "createdAt")
  WHERE "status" IN ('open', 'acknowledged');
