// Seeds the triage benchmark's database in SQL (INSERT … SELECT generate_series): N alerts over 90 days,
// ~50 source hosts, ~200 users, 12 assignees, evidence events for every 5th alert, history and comments.
// Values come from hashes of the row number so every run builds the same data.
import type pg from "pg";

export const HOSTS = 50;
export const USERS = 200;
export const ASSIGNEES = 12;
const NOW = "2026-11-28 12:00:00";

/** A deterministic v4-shaped UUID from an SQL text expression (the API validates ids as RFC 4122 UUIDs). */
const uuid = (expression: string) => `overlay(overlay(md5(${expression}) placing '4' from 13) placing '8' from 17)::uuid::text`;

export async function seedTriage(client: pg.Client, alerts: number, log: (line: string) => void): Promise<void> {
  const step = async (label: string, sql: string) => {
    const t0 = performance.now();
    const result = await client.query(sql);
    log(`  ${label}: ${(result.rowCount ?? 0).toLocaleString("en")} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  await client.query("SET synchronous_commit = off");
  // Foreign keys are checked by construction here; skipping their triggers makes seeding minutes faster.
  await client.query("SET session_replication_role = replica");
  await step("assignees", `INSERT INTO "user" (id, name, email, role, "emailVerified", "updatedAt")
    SELECT 'bench-u' || i, 'Analyst ' || i, 'analyst' || i || '@bench.test', 'analyst', true, now() FROM generate_series(1, ${ASSIGNEES}) i`);
  await step("alerts", `INSERT INTO alert (id, "dedupeKey", "ruleId", "ruleName", severity, "riskScore", priority, "priorityReasons", status,
      classification, escalated, "assigneeId", "sourceHost", "userName", "userDomain", destinations, "commandLine", "entityId", "joinKeys",
      events, checklist, "firstSeen", "lastSeen", version, "createdAt", "updatedAt")
    SELECT ${uuid("'alert' || i")}, 'bench-' || i,
      CASE WHEN i % 10 = 0 THEN 'psexec-renamed-network-connection' ELSE 'psexec-network-connection' END,
      CASE WHEN i % 10 = 0 THEN 'PsExec Network Connection (renamed binary)' ELSE 'PsExec Network Connection' END,
      'low', 21, v.priority::"Priority",
      jsonb_build_array(jsonb_build_object('criterion', 'network', 'text', 'PsExec connected to ' || v.dest, 'eventIds', jsonb_build_array(v.eid))),
      v.status::"AlertStatus",
      CASE WHEN v.status = 'closed' THEN (ARRAY['benign_positive_approved_admin', 'benign_positive_approved_admin', 'benign_positive_security_test',
        'false_positive_rule_logic', 'true_positive_without_impact', 'true_positive_with_impact', 'undetermined'])[1 + v.h % 7] END,
      v.priority = 'high' AND v.h % 5 = 0,
      CASE WHEN v.status <> 'open' OR v.h % 3 = 0 THEN 'bench-u' || (1 + v.h % ${ASSIGNEES}) END,
      v.host, v.usr, 'CORP', ARRAY[v.dest], v.cmd, v.eid, jsonb_build_array(v.eid), v.events, '{}', v.seen, v.seen + interval '4 seconds',
      1 + (v.status <> 'open')::int, v.seen + interval '30 seconds', v.seen + interval '30 seconds'
    FROM generate_series(1, ${alerts}) i
    CROSS JOIN LATERAL (SELECT abs(hashtext('a' || i)) AS h,
      timestamp '${NOW}' - (i::float8 / ${alerts} * 90) * interval '1 day' AS seen) b
    CROSS JOIN LATERAL (SELECT b.h, b.seen,
      CASE WHEN b.h % 100 < 30 THEN 'low' WHEN b.h % 100 < 80 THEN 'medium' ELSE 'high' END AS priority,
      CASE WHEN b.seen > timestamp '${NOW}' - interval '3 days' THEN (ARRAY['open', 'open', 'acknowledged', 'closed'])[1 + (b.h / 7) % 4]
           ELSE (ARRAY['open', 'acknowledged', 'closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'closed'])[1 + (b.h / 7) % 10] END AS status,
      'WS-' || lpad(((b.h / 100) % ${HOSTS})::text, 3, '0') AS host,
      'admin' || lpad(((b.h / 5000) % ${USERS})::text, 3, '0') AS usr,
      'SRV' || lpad((i * 7 % 300)::text, 3, '0') || '.corp.local 10.0.' || (i % 250) || '.' || (1 + i % 200) AS dest,
      'C:\\Tools\\PsExec.exe -accepteula \\\\SRV' || lpad((i * 7 % 300)::text, 3, '0') || ' -s cmd.exe /c ipconfig /all' AS cmd,
      '{' || md5('e' || i)::uuid || '}' AS eid,
      jsonb_build_array(
        jsonb_build_object('@timestamp', b.seen, 'event', jsonb_build_object('code', '1', 'category', jsonb_build_array('process'), 'type', jsonb_build_array('start')),
          'host', jsonb_build_object('name', 'WS-' || lpad(((b.h / 100) % ${HOSTS})::text, 3, '0')),
          'user', jsonb_build_object('name', 'admin' || lpad(((b.h / 5000) % ${USERS})::text, 3, '0'), 'domain', 'CORP'),
          'process', jsonb_build_object('entity_id', '{' || md5('e' || i)::uuid || '}', 'pid', 4000 + i % 1000, 'name', 'PsExec.exe',
            'executable', 'C:\\Tools\\PsExec.exe', 'args', jsonb_build_array('C:\\Tools\\PsExec.exe', '-accepteula', '\\\\SRV' || lpad((i * 7 % 300)::text, 3, '0'), '-s', 'cmd.exe'),
            'parent', jsonb_build_object('entity_id', '{' || md5('p' || i)::uuid || '}', 'name', 'cmd.exe', 'executable', 'C:\\Windows\\System32\\cmd.exe'))),
        jsonb_build_object('@timestamp', b.seen + interval '4 seconds', 'event', jsonb_build_object('code', '3', 'category', jsonb_build_array('network'), 'type', jsonb_build_array('start', 'connection')),
          'host', jsonb_build_object('name', 'WS-' || lpad(((b.h / 100) % ${HOSTS})::text, 3, '0')),
          'process', jsonb_build_object('entity_id', '{' || md5('e' || i)::uuid || '}', 'name', 'PsExec.exe'),
          'destination', jsonb_build_object('ip', '10.0.' || (i % 250) || '.' || (1 + i % 200), 'port', 445),
          'network', jsonb_build_object('transport', 'tcp', 'direction', 'egress'))) AS events) v`);
  // Evidence for every 5th alert: the PsExec start and connection on the source, PSEXESVC on the target.
  await step("events", `INSERT INTO event (fingerprint, timestamp, "hostName", "entityId", "parentEntityId", category, code, channel, "recordId", "processName", doc)
    SELECT md5(a.id || x.k), a."firstSeen" + x.o * interval '1 second', x.host, x.eid, x.peid, ARRAY[x.cat], x.code, 'Microsoft-Windows-Sysmon/Operational', x.o + 1, x.pn,
      jsonb_build_object('@timestamp', a."firstSeen" + x.o * interval '1 second', 'host', jsonb_build_object('name', x.host),
        'event', jsonb_build_object('code', x.code, 'category', jsonb_build_array(x.cat)),
        'process', jsonb_build_object('entity_id', x.eid, 'name', x.pn, 'parent', jsonb_build_object('entity_id', x.peid)))
    FROM alert a
    CROSS JOIN LATERAL (VALUES
      ('s', 0, a."sourceHost", a."entityId", '{' || md5('p' || a.id)::uuid || '}', 'process', '1', 'psexec.exe'),
      ('n', 4, a."sourceHost", a."entityId", NULL, 'network', '3', 'psexec.exe'),
      ('t', 5, split_part(a.destinations[1], ' ', 1), '{' || md5('t' || a.id)::uuid || '}', NULL, 'process', '1', 'psexesvc.exe')
    ) x(k, o, host, eid, peid, cat, code, pn)
    WHERE a."dedupeKey" LIKE '%0' OR a."dedupeKey" LIKE '%5'`);
  await step("history (raised)", `INSERT INTO alert_history ("alertId", at, field, "from", "to", reason)
    SELECT id, "createdAt", f.field, NULL, CASE f.field WHEN 'status' THEN 'open' ELSE priority::text END,
      CASE f.field WHEN 'status' THEN 'raised from upload' ELSE 'PsExec connected to another host' END
    FROM alert CROSS JOIN (VALUES ('status'), ('priority')) f(field)`);
  await step("history (assignee)", `INSERT INTO alert_history ("alertId", "actorId", at, field, "from", "to")
    SELECT id, "assigneeId", "createdAt" + interval '5 minutes', 'assignee', NULL, "assigneeId" FROM alert WHERE "assigneeId" IS NOT NULL`);
  await step("history (status)", `INSERT INTO alert_history ("alertId", "actorId", at, field, "from", "to")
    SELECT id, "assigneeId", "createdAt" + interval '10 minutes', 'status', 'open', 'acknowledged' FROM alert WHERE status <> 'open'
    UNION ALL
    SELECT id, "assigneeId", "createdAt" + interval '2 hours', 'checklist.source', 'todo', 'done' FROM alert WHERE status = 'closed'
    UNION ALL
    SELECT id, "assigneeId", "createdAt" + interval '3 hours', 'status', 'acknowledged', 'closed' FROM alert WHERE status = 'closed'
    UNION ALL
    SELECT id, "assigneeId", "createdAt" + interval '3 hours', 'classification', NULL, classification FROM alert WHERE status = 'closed'`);
  await step("comments", `INSERT INTO comment (id, "alertId", "authorId", body, "createdAt")
    SELECT ${uuid("'c' || id")}, id, "assigneeId", 'Checked with the admin: **planned** patching run.', "createdAt" + interval '1 hour'
    FROM alert WHERE "assigneeId" IS NOT NULL AND "dedupeKey" LIKE '%3'`);
  await client.query("SET session_replication_role = origin");
  // Replica mode skipped the triggers that keep the queue's counts (triage_speed migration): recount once.
  await step("alert counts", "SELECT alert_count_rebuild()");
  const t0 = performance.now();
  await client.query("VACUUM ANALYZE");
  log(`  vacuum analyze: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
