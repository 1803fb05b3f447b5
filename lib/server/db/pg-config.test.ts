import { describe, expect, test } from "vitest";
import { toPgConfig, withDatabase } from "@/lib/server/db/pg-config";

describe("toPgConfig", () => {
  test.each([
    [
      "postgresql://postgres@127.0.0.1:5432/postgres",
      { host: "127.0.0.1", port: 5432, user: "postgres", password: undefined, database: "postgres" },
    ],
    [
      "postgres://app:p%40ss%2Fword@db.example:6543/lateral",
      { host: "db.example", port: 6543, user: "app", password: "p@ss/word", database: "lateral" },
    ],
    ["postgresql://localhost", { host: "localhost", port: 5432, user: undefined, password: undefined, database: undefined }],
    ["postgresql://u@[::1]:5433/d", { host: "::1", port: 5433, user: "u", password: undefined, database: "d" }],
    [
      "postgresql:///lateral?host=/var/run/postgresql&user=root",
      { host: "/var/run/postgresql", port: 5432, user: "root", password: undefined, database: "lateral" },
    ],
  ])("%s", (url, expected) => {
    expect(toPgConfig(url)).toEqual(expected);
  });

  test.each([
    ["require", { rejectUnauthorized: false }],
    ["verify-full", true],
    ["disable", undefined],
  ])("sslmode=%s", (mode, ssl) => {
    expect(toPgConfig(`postgresql://h/d?sslmode=${mode}`).ssl).toEqual(ssl);
  });

  test("rejects other URL schemes", () => {
    expect(() => toPgConfig("mysql://h/d")).toThrow(/Not a PostgreSQL URL/);
  });
});

describe("withDatabase", () => {
  test.each([
    ["postgresql://postgres@127.0.0.1:5432/postgres", "lateral_test_1", "postgresql://postgres@127.0.0.1:5432/lateral_test_1"],
    ["postgresql://u:p@h:1/a?sslmode=require", "b", "postgresql://u:p@h:1/b?sslmode=require"],
    ["postgresql://h", "x", "postgresql://h/x"],
  ])("%s + %s", (url, database, expected) => {
    expect(withDatabase(url, database)).toBe(expected);
  });
});
