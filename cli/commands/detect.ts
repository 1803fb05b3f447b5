import { Command, Option } from "commander";
import { Detector } from "@/lib/detection/detector";
import { DEFAULT_REORDER } from "@/lib/detection/reorder-buffer";
import { EVENT_FORMATS, describePosition, readEvents, type EventFormat } from "@/lib/ingest/read-events";
import { formatAlert } from "@/cli/io/format-alert";
import { assertReadable } from "@/cli/io/open-input";
import { openInputs } from "@/cli/io/open-inputs";
import { SkipReport } from "@/cli/io/skip-report";
import { resolveRules } from "@/cli/rules/resolve-rules";

type DetectOptions = { rule: string[]; format: EventFormat; reorderEvents: number; reorderMs: number };

const collect = (value: string, previous: string[]) => [...previous, value];
const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`expected a non-negative integer, got '${value}'`);
  return n;
};

export function register(program: Command): void {
  program
    .command("detect")
    .description("Run detection rules over Windows logs in any supported format (EVTX, Windows XML, ECS/Winlogbeat/NXLog JSON; .gz and .zip), detected by content. Alerts go to stdout as JSON lines.")
    .argument("<files...>", "input files, '-' for stdin")
    .option("--rule <id|path>", "rule_id, name or .toml path (repeatable; default: the seed PsExec rule)", collect, [])
    .addOption(new Option("--format <format>", "input format").choices(EVENT_FORMATS).default("auto"))
    .option("--reorder-events <n>", "max events held to repair out-of-order input", positiveInt, DEFAULT_REORDER.maxEvents)
    .option("--reorder-ms <ms>", "max timestamp disorder (ms) repaired before an event counts as late", positiveInt, DEFAULT_REORDER.maxDelayMs)
    .action(async (files: string[], options: DetectOptions) => {
      process.exitCode = await runDetect(files, options);
    });
}

async function runDetect(files: string[], options: DetectOptions): Promise<number> {
  const started = performance.now();
  let rules;
  try {
    rules = await resolveRules(options.rule);
    for (const file of files) await assertReadable(file);
  } catch (error) {
    process.stderr.write(`lateral detect: ${(error as Error).message}\n`);
    return 2;
  }
  const byId = new Map(rules.map((r) => [r.id, r]));
  const out: string[] = [];
  const flush = () => {
    if (out.length) process.stdout.write(`${out.splice(0).join("\n")}\n`);
  };
  const detector = new Detector(rules.map((r) => ({ id: r.id, query: r.query })), (d) => {
    out.push(formatAlert(d, byId.get(d.ruleId)!));
    if (out.length >= 256) flush();
  }, { maxEvents: options.reorderEvents, maxDelayMs: options.reorderMs });
  const skips = new SkipReport();
  for (const file of files) {
    const name = file === "-" ? "<stdin>" : file;
    try {
      for await (const input of openInputs(file)) {
        if ("error" in input) {
          skips.add(input.name, "", input.error);
          continue;
        }
        for await (const result of readEvents(input.chunks, { format: options.format })) {
          if (!result.ok) skips.add(input.name, describePosition(result.position), result.error);
          else if (!detector.push(result.event)) skips.add(input.name, describePosition(result.position), "no usable @timestamp");
        }
      }
    } catch (error) {
      flush();
      process.stderr.write(`lateral detect: cannot read ${name}: ${(error as Error).message}\n`);
      return 2;
    }
  }
  detector.end();
  flush();
  const stats = detector.stats;
  const seconds = (performance.now() - started) / 1000;
  const lines = [
    `lateral detect: ${stats.events + skips.total - stats.noTimestamp} records read, ${stats.events - stats.noTimestamp} events (${stats.relevant} matched a rule stage), ${skips.total} skipped, ${stats.alerts} alerts, ` +
      `${seconds.toFixed(2)} s (${Math.round(stats.events / Math.max(seconds, 1e-9))} events/s); rules: ${rules.map((r) => r.name).join(", ")}`,
    ...skips.render(),
  ];
  if (stats.late > 0) lines.push(`  ${stats.late} events arrived later than the reorder window (processed at arrival; raise --reorder-ms/--reorder-events)`);
  if (stats.invalidJoinKeys > 0) lines.push(`  ${stats.invalidJoinKeys} events had an array/object join key and were not sequenced`);
  process.stderr.write(`${lines.join("\n")}\n`);
  return 0;
}
