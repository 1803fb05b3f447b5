import { Detector, type Detection, type DetectorRule, type DetectorStats } from "@/lib/detection/detector";
import type { ReorderOptions } from "@/lib/detection/reorder-buffer";
import type { EcsEvent } from "@/lib/ecs/event";

/** Convenience for in-memory batches (tests, uploads already parsed): push all, flush, collect. */
export function detectAll(
  rules: DetectorRule[],
  events: Iterable<EcsEvent>,
  reorder?: ReorderOptions,
): { detections: Detection[]; stats: DetectorStats } {
  const detections: Detection[] = [];
  const detector = new Detector(rules, (d) => detections.push(d), reorder);
  for (const event of events) detector.push(event);
  detector.end();
  return { detections, stats: detector.stats };
}
