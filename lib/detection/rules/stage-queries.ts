import { parseQuery } from "@/lib/detection/eql/parse-query";

/**
 * The event query of each stage of a sequence rule, as EQL text (`process where …`), cut out of the
 * rule's own source so a cluster can be asked for one stage's events with exactly the rule's condition.
 * Null for a query that is not a sequence.
 */
export function sequenceStageQueries(queryText: string): string[] | null {
  const { body } = parseQuery(queryText);
  if (body.kind !== "sequence") return null;
  return body.stages.map((stage) => queryText.slice(stage.query.pos.offset, stage.queryEnd).trim());
}
