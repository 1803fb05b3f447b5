import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { readMigrationsDir } from "@/lib/server/db/migrations-dir";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function layout(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "lateral-mdir-"));
  dirs.push(root);
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), content);
  }
  return root;
}

describe("readMigrationsDir (the shape `prisma migrate` hands the schema engine)", () => {
  test("lists migration directories by name with their SQL and the lockfile", async () => {
    const root = await layout({
      "20240102000000_b/migration.sql": "B;",
      "20240101000000_a/migration.sql": "A;",
      "migration_lock.toml": 'provider = "postgresql"\n',
      "README.md": "not a migration",
    });
    expect(await readMigrationsDir(root)).toEqual({
      baseDir: root,
      lockfile: { path: "migration_lock.toml", content: 'provider = "postgresql"\n' },
      shadowDbInitScript: "",
      migrationDirectories: [
        { path: "20240101000000_a", migrationFile: { path: "migration.sql", content: { tag: "ok", value: "A;" } } },
        { path: "20240102000000_b", migrationFile: { path: "migration.sql", content: { tag: "ok", value: "B;" } } },
      ],
    });
  });

  test("passes an unreadable migration.sql on as an error for the engine to report", async () => {
    const root = await layout({ "20240101000000_a/notes.txt": "no sql here" });
    const list = await readMigrationsDir(root);
    expect(list.lockfile.content).toBeNull();
    expect(list.migrationDirectories[0].migrationFile.content).toMatchObject({ tag: "error", value: expect.stringMatching(/ENOENT/) });
  });

  test("a missing directory is an empty history", async () => {
    const missing = path.join(tmpdir(), "lateral-no-such-migrations-dir");
    expect((await readMigrationsDir(missing)).migrationDirectories).toEqual([]);
  });

  test("other read errors are not hidden", async () => {
    const root = await layout({ "not-a-directory": "a file where the migrations folder should be" });
    await expect(readMigrationsDir(path.join(root, "not-a-directory"))).rejects.toThrow(/ENOTDIR/);
  });
});
