// Our EVTX parser against libevtx's `evtxexport`, record by record, over every .evtx under the given
// directories: record numbers, event ids, computer names and the event strings. For corpora beyond
// ../shared/data (whose files the unit tests already compare), e.g. a checkout of a public EVTX sample
// collection. Usage: npx tsx scripts/evtx-vs-evtxexport.ts DIR… (needs Debian's libevtx-utils)
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { eventStrings, normaliseValue, parseEvtxexport } from "@/lib/ingest/evtx/evtx-test-helpers";
import { readEvtx } from "@/lib/ingest/evtx/read-evtx";
import { systemText } from "@/lib/ingest/win-event/win-event";

const EVTXEXPORT = "/usr/bin/evtxexport";

/** Differences of rendering only: libevtx prints FILETIME to 9 digits (Windows 7), and drops line ends and empty strings. */
function comparable(values: string[]): string[] {
  const out = values.map((v) => normaliseValue(v.replace(/[\r\n]+$/, "").replace(/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7})00Z$/, "$1Z")));
  while (out.length && out.at(-1) === "") out.pop();
  return out;
}

async function compareFile(file: string): Promise<{ records: number; problems: string[]; differences: string[] }> {
  const bytes = readFileSync(file);
  const ours = [];
  const problems: string[] = [];
  for await (const item of readEvtx((async function* () { yield bytes; })())) {
    if (item.kind === "problem") problems.push(item.problem.reason);
    else ours.push(item.record);
  }
  const theirs = new Map(parseEvtxexport(execFileSync(EVTXEXPORT, [file], { encoding: "utf8", maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "ignore"] })).map((r) => [r.number, r]));
  const differences: string[] = [];
  if (ours.length !== theirs.size) differences.push(`${ours.length} records, evtxexport ${theirs.size}`);
  for (const record of ours) {
    const want = theirs.get(record.recordNumber);
    const at = `record ${record.recordNumber}`;
    if (!want) differences.push(`${at}: not in evtxexport's output`);
    else if (Number(systemText(record.event, "EventID")) !== want.eventId) differences.push(`${at}: event id ${systemText(record.event, "EventID")}, evtxexport ${want.eventId}`);
    else if (systemText(record.event, "Computer") !== want.computer) differences.push(`${at}: computer ${systemText(record.event, "Computer")}, evtxexport ${want.computer}`);
    else {
      const [a, b] = [comparable(eventStrings(record.event)), comparable(want.strings)];
      if (JSON.stringify(a) !== JSON.stringify(b)) differences.push(`${at}: strings ${JSON.stringify(a).slice(0, 200)}, evtxexport ${JSON.stringify(b).slice(0, 200)}`);
    }
  }
  return { records: ours.length, problems, differences };
}

const files = process.argv.slice(2).flatMap((dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.toLowerCase().endsWith(".evtx")).map((e) => path.join(e.parentPath, e.name)),
);
let records = 0;
let failing = 0;
for (const file of files.sort()) {
  const result = await compareFile(file);
  records += result.records;
  if (result.problems.length || result.differences.length) {
    failing++;
    console.log(`${file}: ${result.problems.length} problems, ${result.differences.length} differences`);
    for (const line of [...result.problems, ...result.differences].slice(0, 5)) console.log(`  ${line}`);
  }
}
console.log(`${files.length} files, ${records} records: ${failing} files with problems or differences`);
process.exitCode = failing ? 1 : 0;
