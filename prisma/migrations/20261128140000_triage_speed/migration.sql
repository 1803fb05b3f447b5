-- Issue 5, "How fast": the queue's counts and the alert page's evidence at 1 M alerts. Written by hand
-- (several people change the schema at once); the table is mirrored in schema.prisma as AlertCount.

-- CreateTable
CREATE TABLE "alert_count" (
    "dimension" TEXT NOT NULL,
    "key1" TEXT NOT NULL DEFAULT '',
    "key2" TEXT NOT NULL DEFAULT '',
    "priority" "Priority" NOT NULL,
    "status" "AlertStatus" NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "alert_count_pkey" PRIMARY KEY ("dimension","key1","key2","priority","status")
);

-- Counter rows are updated in place all day: free space on each page keeps those updates HOT.
ALTER TABLE "alert_count" SET (fillfactor = 50);

-- The queue chips show, per priority and status, how many alerts match the other filters. Counting
-- that live is an O(N) scan (about 1 s at 1 M alerts, however it is indexed, since most filters match
-- most alerts). Instead the database keeps the counts per (priority, status) for no filter and for each
-- single text/assignee filter, in the same transaction as the change, so a reader sees counts exactly
-- consistent with its own snapshot of `alert` — no cache to invalidate, and every writer (API, bulk,
-- baselines, ingest, seeds, psql) is covered. Rows of a dimension are what one filter is evaluated on:
--   all       key1 = ''                              (no filter besides priority/status)
--   host      key1 = sourceHost                       (alerts without a host: no host filter matches them)
--   assignee  key1 = assigneeId, '' when unassigned
--   user      key1 = userName, key2 = userDomain, '' for NULL (both NULL: no user filter matches them)
--   rule      key1 = ruleId, key2 = ruleName
-- Zero rows are kept (cheaper than deleting under concurrent writers); readers ignore them.
CREATE FUNCTION alert_count_keys(host text, assignee text, user_name text, user_domain text, rule_id text, rule_name text)
RETURNS TABLE (dimension text, key1 text, key2 text) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 'all', '', ''
  UNION ALL SELECT 'host', host, '' WHERE host IS NOT NULL
  UNION ALL SELECT 'assignee', coalesce(assignee, ''), ''
  UNION ALL SELECT 'user', coalesce(user_name, ''), coalesce(user_domain, '') WHERE user_name IS NOT NULL OR user_domain IS NOT NULL
  UNION ALL SELECT 'rule', rule_id, rule_name
$$;

-- Statement-level, with transition tables: a bulk UPDATE of 500 alerts is one aggregated upsert, not
-- 2 500 row-by-row ones. Old rows count -1 and new rows +1, so updates that touch none of the keyed
-- columns (checklist, history rollups, version) net to zero and write nothing. Counter rows are upserted
-- in key order, so two writers lock them in the same order and cannot deadlock on them.
CREATE FUNCTION alert_count_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO alert_count AS c (dimension, key1, key2, priority, status, n)
    SELECT k.dimension, k.key1, k.key2, r.priority, r.status, count(*)
    FROM new_rows r CROSS JOIN LATERAL alert_count_keys(r."sourceHost", r."assigneeId", r."userName", r."userDomain", r."ruleId", r."ruleName") k
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (dimension, key1, key2, priority, status) DO UPDATE SET n = c.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO alert_count AS c (dimension, key1, key2, priority, status, n)
    SELECT k.dimension, k.key1, k.key2, r.priority, r.status, -count(*)
    FROM old_rows r CROSS JOIN LATERAL alert_count_keys(r."sourceHost", r."assigneeId", r."userName", r."userDomain", r."ruleId", r."ruleName") k
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (dimension, key1, key2, priority, status) DO UPDATE SET n = c.n + excluded.n;
  ELSE
    INSERT INTO alert_count AS c (dimension, key1, key2, priority, status, n)
    SELECT k.dimension, k.key1, k.key2, r.priority, r.status, sum(r.sign)
    FROM (SELECT -1 AS sign, "sourceHost", "assigneeId", "userName", "userDomain", "ruleId", "ruleName", priority, status FROM old_rows
          UNION ALL
          SELECT 1, "sourceHost", "assigneeId", "userName", "userDomain", "ruleId", "ruleName", priority, status FROM new_rows) r
    CROSS JOIN LATERAL alert_count_keys(r."sourceHost", r."assigneeId", r."userName", r."userDomain", r."ruleId", r."ruleName") k
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(r.sign) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (dimension, key1, key2, priority, status) DO UPDATE SET n = c.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION alert_count_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM alert_count;
  RETURN NULL;
END $$;

CREATE TRIGGER alert_count_insert AFTER INSERT ON alert REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION alert_count_apply();
CREATE TRIGGER alert_count_update AFTER UPDATE ON alert REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION alert_count_apply();
CREATE TRIGGER alert_count_delete AFTER DELETE ON alert REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION alert_count_apply();
CREATE TRIGGER alert_count_truncate AFTER TRUNCATE ON alert
  FOR EACH STATEMENT EXECUTE FUNCTION alert_count_truncate();

-- Recounts from scratch: for this migration, and after bulk loads that bypass triggers
-- (session_replication_role = replica, as bench/triage-seed.ts does). Writers wait; readers do not.
CREATE FUNCTION alert_count_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE alert IN SHARE MODE;
  DELETE FROM alert_count;
  INSERT INTO alert_count (dimension, key1, key2, priority, status, n)
  SELECT k.dimension, k.key1, k.key2, a.priority, a.status, count(*)
  FROM alert a CROSS JOIN LATERAL alert_count_keys(a."sourceHost", a."assigneeId", a."userName", a."userDomain", a."ruleId", a."ruleName") k
  GROUP BY 1, 2, 3, 4, 5;
END $$;

SELECT alert_count_rebuild();

-- The queue's host filter resolves its substring to exact hosts (via alert_count) and then pages by
-- host in firstSeen order; equality lookups on sourceHost alone still use this index's prefix.
-- DropIndex
DROP INDEX "alert_sourceHost_idx";

-- CreateIndex
CREATE INDEX "alert_sourceHost_firstSeen_id_idx" ON "alert"("sourceHost", "firstSeen" DESC, "id");

-- The alert page's target-side evidence (and ingest's related-events lookup) match destination hosts
-- by short name: `\\srv01` may be logged as `SRV01.corp.local`. Without this, a sequential scan of event.
-- An expression index, so Prisma's schema cannot express it; schema.prisma points here.
CREATE INDEX "event_short_host_timestamp_idx" ON "event" (lower(split_part("hostName", '.', 1)), "timestamp");
