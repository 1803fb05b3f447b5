import { db } from "@/lib/server/db/client";
import { toConnectionDto } from "@/lib/server/connections/connection-dto";

export async function findConnections() {
  const connections = await db.connection.findMany({
    orderBy: { name: "asc" },
    include: { runs: { orderBy: { startedAt: "desc" }, take: 1 } },
  });
  return connections.map(({ runs, ...connection }) => toConnectionDto(connection, runs[0] ?? null));
}
