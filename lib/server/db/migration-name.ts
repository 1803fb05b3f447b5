/**
 * Slugs a migration name the way `prisma migrate dev --name` does (camelCase split, lower case,
 * `_` between words, at most 200 characters) so directories look the same whichever tool made them.
 */
export function slugMigrationName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z\d])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z\d]+)/g, "$1_$2")
    .toLowerCase()
    .replace(/([a-z\d]+)'([ts])(\s|$)/g, "$1$2$3")
    .replace(/[^a-z\d]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

/** `YYYYMMDDHHMMSS` in UTC, the prefix Prisma gives migration directories so they sort by creation. */
export function migrationTimestamp(now: Date): string {
  return now.toISOString().replace(/\D/g, "").slice(0, 14);
}

export function migrationDirectoryName(name: string, now: Date): string {
  const slug = slugMigrationName(name);
  return slug ? `${migrationTimestamp(now)}_${slug}` : migrationTimestamp(now);
}
