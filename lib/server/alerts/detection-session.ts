import { Detector } from "@/lib/detection/detector";
import { eventTimeMs } from "@/lib/detection/event-time";
import type { LoadedRule } from "@/lib/detection/rules/load-rule";
import { getField, type EcsEvent } from "@/lib/ecs/event";
import type { RaisedAlert } from "@/lib/server/alerts/raise-alerts";
import { DEFAULT_PRIORITY_CONFIG } from "@/lib/triage/priority-config";
import { findStageOneOnly } from "@/lib/triage/stage-one-only";

/**
 * One pass of detection over a stream of events: the rules' sequences plus the playbook's Low
 * "stage-one-only" alerts (a PsExec start with no network event from it within the window).
 * `finish({ until })` decides open windows as of `until` (a cluster window's end) instead of treating
 * the input as complete, so a start near the end of one window is decided by the next read.
 */
export class DetectionSession {
  private readonly raised: RaisedAlert[] = [];
  private readonly detector: Detector;
  /** Two-stage sequence rules, with their index among the detector's rules. */
  private readonly sequenceRules: { rule: LoadedRule; at: number }[];
  private readonly starts = new Map<string, EcsEvent[]>();
  private readonly network = new Map<string, EcsEvent[]>();

  constructor(rules: LoadedRule[]) {
    this.detector = new Detector(rules.map((rule) => ({ id: rule.id, query: rule.query })), (detection) => {
      const rule = rules.find((r) => r.id === detection.ruleId)!;
      this.raised.push({ rule, joinKeys: detection.joinKeys, events: detection.events, kind: "sequence" });
    });
    this.sequenceRules = rules.flatMap((rule, at) => (rule.query.kind === "sequence" && rule.query.stages.length === 2 ? [{ rule, at }] : []));
  }

  /**
   * "untimed" when the event has no usable @timestamp (it is then ignored); otherwise which stage of
   * a two-stage sequence rule it matched ("start" wins over "network"), or null. `time`: the event's
   * `eventTimeMs`, when the caller has already read it.
   */
  push(event: EcsEvent, time = eventTimeMs(event)): "untimed" | "start" | "network" | null {
    // The detector has matched every stage already: its answer is reused, not evaluated again.
    const hits = this.detector.classifyAndPush(event, time);
    if (hits === false) return "untimed";
    if (hits === null) return null;
    let stage: "start" | "network" | null = null;
    for (const { rule, at } of this.sequenceRules) {
      const matched = hits[at];
      if (matched === null) continue;
      if (matched[0]) {
        append(this.starts, rule.id, event);
        stage = "start";
      } else if (matched[1]) {
        append(this.network, rule.id, event);
        stage ??= "network";
      }
    }
    return stage;
  }

  finish(options: { until?: number } = {}): RaisedAlert[] {
    this.detector.end();
    const inSequence = new Set(this.raised.flatMap((alert) => alert.events));
    const low = this.sequenceRules.flatMap(({ rule }) =>
      stageOneOnlyAlerts(rule, (this.starts.get(rule.id) ?? []).filter((event) => !inSequence.has(event)), this.network.get(rule.id) ?? [], options.until),
    );
    return [...this.raised, ...low];
  }

  get stats() {
    return this.detector.stats;
  }
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Low alerts for the starts (already minus those in a sequence) with no network event in the window. */
export function stageOneOnlyAlerts(rule: LoadedRule, starts: EcsEvent[], network: EcsEvent[], until?: number): RaisedAlert[] {
  const { low } = findStageOneOnly({
    stage1Events: starts,
    networkEvents: network,
    windowMs: DEFAULT_PRIORITY_CONFIG.stageWindowMs,
    now: until ?? Date.now(),
    endOfInput: until === undefined,
  });
  return low.map((event): RaisedAlert => ({ rule, joinKeys: [getField(event, "process.entity_id") ?? null], events: [event], kind: "stage_one_only" }));
}
