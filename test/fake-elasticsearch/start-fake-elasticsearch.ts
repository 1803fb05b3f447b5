// The same entry point under the name e2e/connections.spec.ts imports; server.ts holds the implementation.
export { startFakeElasticsearch, type FakeElasticsearch, type FakeOptions } from "@/test/fake-elasticsearch/server";
