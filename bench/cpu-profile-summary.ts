// Self time per function and per file from a V8 .cpuprofile (what `node --cpu-prof` writes).
import { readFile } from "node:fs/promises";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export async function summarizeCpuProfile(file: string, top = 25): Promise<string> {
  const profile = JSON.parse(await readFile(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = profile.endTime - profile.startTime;
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    const where = shorten(frame.url);
    const name = `${frame.functionName || "(anonymous)"} ${where}${where ? `:${frame.lineNumber + 1}` : ""}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    byFile.set(where || frame.functionName, (byFile.get(where || frame.functionName) ?? 0) + us);
  }
  const rows = (map: Map<string, number>) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => `${(us / 1000).toFixed(0).padStart(8)} ms ${((us / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
  return [`profile: ${(total / 1e6).toFixed(1)} s wall`, "self time by function:", ...rows(byFunction), "self time by file:", ...rows(byFile)].join("\n");
}

function shorten(url: string): string {
  return url.replace(/^file:\/\//, "").replace(/^.*\/node_modules\//, "npm:").replace(/^.*\/work\/main\//, "");
}
