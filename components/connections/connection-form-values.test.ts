import { describe, expect, it } from "vitest";
import { authOf, emptyValues, fieldLabel, fieldOf, toBody, toTestBody } from "@/components/connections/connection-form-values";

const defaults = { indexPatterns: ["winlogbeat-*", "logs-*"], intervalSeconds: 300, lookbackSeconds: 540 };

describe("connection form values", () => {
  it("starts from the server's defaults, in minutes", () => {
    expect(emptyValues(defaults)).toMatchObject({ indexPatterns: "winlogbeat-*\nlogs-*", intervalMinutes: "5", lookbackMinutes: "9", verifyTls: true, mode: "pull" });
  });

  it("splits lines, drops blanks and duplicates, converts minutes to seconds", () => {
    const values = { ...emptyValues(defaults), name: "prod", urls: " https://a:9200 \n\nhttps://b:9200\nhttps://a:9200", intervalMinutes: "2.5", lookbackMinutes: "10" };
    expect(toBody(values)).toMatchObject({ urls: ["https://a:9200", "https://b:9200"], intervalSeconds: 150, lookbackSeconds: 600 });
  });

  it.each([
    [{ authKind: "none" as const, username: "u", password: "p" }, { kind: "none" }],
    [{ authKind: "basic" as const, username: "u", password: "p" }, { kind: "basic", username: "u", password: "p" }],
    [{ authKind: "basic" as const, username: "u", password: "" }, { kind: "basic", username: "u" }],
    [{ authKind: "api_key" as const, apiKey: "" }, { kind: "api_key" }],
    [{ authKind: "api_key" as const, apiKey: "k" }, { kind: "api_key", apiKey: "k" }],
  ])("auth %o → %o (an empty secret keeps the stored one)", (patch, auth) => {
    expect(authOf({ ...emptyValues(defaults), ...patch })).toEqual(auth);
  });

  it("sends the id with a test only when editing", () => {
    const values = { ...emptyValues(defaults), urls: "http://x:9200", authKind: "none" as const };
    expect(toTestBody(values)).not.toHaveProperty("id");
    expect(toTestBody(values, "abc")).toMatchObject({ id: "abc", urls: ["http://x:9200"], auth: { kind: "none" } });
  });

  it.each([["lookbackSeconds", "Look back"], ["urls.1", "URLs (line 2)"], ["auth.password", "Password"], ["somethingNew", "somethingNew"]])(
    "labels error path %s as %s", (path, label) => expect(fieldLabel(path)).toBe(label),
  );

  it.each([["urls.1", "urls"], ["auth.password", "password"], ["auth", "auth"], ["auth.kind", "auth"], ["lookbackSeconds", "lookbackSeconds"], ["", "form"]])(
    "maps error path %s to field %s", (path, field) => expect(fieldOf(path)).toBe(field),
  );
});
