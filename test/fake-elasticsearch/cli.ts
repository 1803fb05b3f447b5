// Runs the fake on its own (curl, a dev server, a Playwright webServer), e.g.
//   npx tsx test/fake-elasticsearch/cli.ts --port 9200 --user elastic --password changeme --load winlogbeat-demo=events.ndjson
// Options: --flavor opensearch, --version, --api-key, --shards, --load index=file.ndjson (repeatable).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { startFakeElasticsearch, type FakeFlavor } from "@/test/fake-elasticsearch/server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "9200" },
    flavor: { type: "string", default: "elasticsearch" },
    version: { type: "string" },
    user: { type: "string" },
    password: { type: "string" },
    "api-key": { type: "string" },
    shards: { type: "string", default: "1" },
    load: { type: "string", multiple: true, default: [] },
  },
});

const auth = values.user || values["api-key"] ? { username: values.user, password: values.password, apiKey: values["api-key"] } : null;
const fake = await startFakeElasticsearch({ port: Number(values.port), flavor: values.flavor as FakeFlavor, version: values.version, auth, shardsPerIndex: Number(values.shards) });
for (const spec of values.load) {
  const [index, file] = spec.split("=", 2);
  const docs = readFileSync(file, "utf8").split("\n").filter((line) => line.trim()).map((line) => JSON.parse(line) as Record<string, unknown>);
  const { indexed, rejected } = fake.addDocuments(index, docs);
  console.log(`${index}: ${indexed.length} indexed, ${rejected.length} rejected${rejected[0] ? ` (first: ${rejected[0].reason})` : ""}`);
}
console.log(`fake ${values.flavor} listening on ${fake.url}`);
process.on("SIGINT", () => void fake.stop().then(() => process.exit(0)));
