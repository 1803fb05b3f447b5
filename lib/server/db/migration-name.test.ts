import { describe, expect, test } from "vitest";
import { migrationDirectoryName, migrationTimestamp, slugMigrationName } from "@/lib/server/db/migration-name";

describe("slugMigrationName (same slugs as `prisma migrate dev --name`)", () => {
  test.each([
    ["init", "init"],
    ["addHosts", "add_hosts"],
    ["Add alert table", "add_alert_table"],
    ["add-user-roles", "add_user_roles"],
    ["  --trim me--  ", "trim_me"],
    ["HTTPServer", "http_server"],
    ["Créer index", "creer_index"],
    ["host's os", "hosts_os"],
    ["!!!", ""],
  ])("%j → %j", (input, expected) => {
    expect(slugMigrationName(input)).toBe(expected);
  });

  test("is cut at 200 characters", () => {
    expect(slugMigrationName("a".repeat(250))).toHaveLength(200);
  });
});

describe("migration directory names", () => {
  test.each([
    ["2025-01-02T03:04:05.678Z", "20250102030405"],
    ["1999-12-31T23:59:59.999Z", "19991231235959"],
  ])("timestamp of %s is %s (UTC, to the second)", (iso, expected) => {
    expect(migrationTimestamp(new Date(iso))).toBe(expected);
  });

  test.each([
    ["addHosts", "20250102030405_add_hosts"],
    ["", "20250102030405"],
  ])("%j → %j", (name, expected) => {
    expect(migrationDirectoryName(name, new Date("2025-01-02T03:04:05Z"))).toBe(expected);
  });
});
