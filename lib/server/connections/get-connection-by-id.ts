import { db } from "@/lib/server/db/client";
import { toConnectionDto, toRunDto } from "@/lib/server/connections/connection-dto";
import { AppError } from "@/lib/server/http/problem";

const HISTORY = 100;

export async function getConnectionById(id: string) {
  const connection = await db.connection.findUnique({ where: { id }, include: { runs: { orderBy: { startedAt: "desc" }, take: HISTORY } } });
  if (!connection) throw new AppError("not_found", "No such connection");
  const { runs, ...rest } = connection;
  return { connection: toConnectionDto(rest, runs[0] ?? null), runs: runs.map(toRunDto) };
}
