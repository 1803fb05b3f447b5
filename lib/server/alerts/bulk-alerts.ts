import type { Actor } from "@/lib/server/auth/actor";
import type { AlertFilter } from "@/lib/server/api/contracts/alerts";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/http/problem";
import { alertWhere } from "@/lib/server/alerts/alert-where";
import { addComment } from "@/lib/server/alerts/add-comment";
import { applyAlertAction } from "@/lib/server/alerts/apply-alert-action";
import type { WorkflowAction } from "@/lib/triage/workflow-schema";

const MAX_BULK = 50_000;
type BulkAction = WorkflowAction | { action: "comment"; body: string };

/**
 * Applies one action to a selection or to everything the filter matches (not just the loaded page).
 * Each alert is its own transaction at its current version; refusals are listed, never dropped.
 */
export async function bulkAlerts(input: { ids?: string[]; filter?: AlertFilter; action: BulkAction; dryRun: boolean }, actor: Actor) {
  if (!input.ids && !input.filter) throw new AppError("validation_failed", "Give either ids or a filter");
  const where = input.ids ? { id: { in: input.ids } } : alertWhere(input.filter ?? {}, actor);
  const matched = await db.alert.count({ where });
  if (matched > MAX_BULK) throw new AppError("validation_failed", `${matched} alerts match; narrow the filter to at most ${MAX_BULK}`);
  if (input.dryRun) return { matched, changed: 0, failed: [] };
  const targets = await db.alert.findMany({ where, select: { id: true, version: true }, orderBy: { id: "asc" } });
  const failed: { id: string; code: string; message: string }[] = [];
  let changed = 0;
  for (const target of targets) {
    try {
      if (input.action.action === "comment") await addComment(target.id, input.action.body, actor);
      else await applyAlertAction(target.id, input.action, target.version, actor);
      changed++;
    } catch (error) {
      failed.push(error instanceof AppError ? { id: target.id, code: error.code, message: error.message } : { id: target.id, code: "internal", message: "unexpected error" });
    }
  }
  return { matched, changed, failed };
}
