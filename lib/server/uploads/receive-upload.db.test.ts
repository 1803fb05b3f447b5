import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { processUpload } from "@/lib/server/uploads/process-upload";
import { receiveUpload } from "@/lib/server/uploads/receive-upload";

// SYNTHETIC ECS events: PsExec runs (start + connection) and some noise, as NDJSON lines.
function lines(host: string, runs: number, t0: number): string[] {
  return Array.from({ length: runs }, (_, i) => {
    const entity = `{${host}-${i}}`;
    const at = (ms: number) => new Date(t0 + i * 3_600_000 + ms).toISOString();
    const base = { host: { name: host, os: { type: "windows" } }, user: { name: "bob", domain: "CORP" } };
    return [
      { ...base, "@timestamp": at(0), event: { category: ["process"], type: ["start"], code: "1" }, process: { entity_id: entity, name: "PsExec.exe", args: ["PsExec.exe", "-accepteula", "\\\\srv7", "hostname"] } },
      { ...base, "@timestamp": at(1_000), event: { category: ["network"], type: ["start"], code: "3" }, process: { entity_id: entity, name: "PsExec.exe" }, destination: { ip: "10.7.7.7", port: 445 } },
      { ...base, "@timestamp": at(2_000), event: { category: ["process"], type: ["start"], code: "1" }, process: { entity_id: `${entity}-noise`, name: "notepad.exe" } },
    ].map((line) => JSON.stringify(line));
  }).flat();
}

/** A request whose body arrives in pieces, waiting for `gate` before the second half (or failing there). */
function slowRequest(text: string, gate: Promise<unknown>, fail = false): Request {
  const bytes = new TextEncoder().encode(text);
  const half = Math.floor(bytes.length / 2);
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(bytes.subarray(0, half));
      await gate;
      if (fail) return controller.error(new Error("connection reset"));
      controller.enqueue(bytes.subarray(half));
      controller.close();
    },
  });
  return new Request("http://localhost/api/uploads", { method: "POST", body, headers: { "x-file-name": "slow.ndjson" }, duplex: "half" } as RequestInit);
}

/** Runs the upload's job as a worker would, as soon as it is queued (before the body has ended). */
async function workWhileReceiving(): Promise<{ uploadId: string; done: Promise<void> }> {
  for (let i = 0; i < 200; i++) {
    const job = await db.job.findFirst({ where: { kind: "process-upload", status: "queued" }, orderBy: { createdAt: "desc" } });
    if (job) {
      await db.job.update({ where: { id: job.id }, data: { status: "running" } });
      const uploadId = (job.payload as { uploadId: string }).uploadId;
      return { uploadId, done: processUpload(uploadId) };
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("no job was queued");
}

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400 && !(await condition()); i++) await new Promise((resolve) => setTimeout(resolve, 25));
}

describe("receiving while processing", () => {
  let userId: string;
  beforeAll(async () => {
    await db.baseline.deleteMany();
    await db.job.updateMany({ where: { kind: "process-upload", status: "queued" }, data: { status: "succeeded" } });
    userId = (await db.user.create({ data: { id: randomUUID(), email: `uploader-${randomUUID()}@db.test`, name: "uploader", role: "analyst" } })).id;
  });

  it("processes the first half while the second is still arriving, with the same result as a whole file", async () => {
    const host = `ws-${randomUUID().slice(0, 8)}`;
    const text = `${lines(host, 6, Date.UTC(2025, 7, 1)).join("\n")}\n`;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const receiving = receiveUpload(slowRequest(text, gate), userId);
    const { uploadId, done } = await workWhileReceiving();
    // The job parses the first half before the rest exists.
    await waitFor(async () => (await db.upload.findUniqueOrThrow({ where: { id: uploadId } })).eventsParsed > 0);
    expect((await db.upload.findUniqueOrThrow({ where: { id: uploadId } })).sha256).toBeNull();
    release();
    const received = await receiving;
    expect(received).toMatchObject({ id: uploadId, sizeBytes: BigInt(text.length) });
    await done;
    const upload = await db.upload.findUniqueOrThrow({ where: { id: uploadId } });
    expect(upload).toMatchObject({ status: "done", eventsParsed: 18, eventsStored: 12, alertsFound: 6, rejected: 0 });
    expect(await db.alert.count({ where: { sourceHost: host } })).toBe(6);
  });

  it("a duplicate found when the last byte arrives drops the job's work", async () => {
    const host = `ws-${randomUUID().slice(0, 8)}`;
    const text = `${lines(host, 2, Date.UTC(2025, 8, 1)).join("\n")}\n`;
    const first = receiveUpload(slowRequest(text, Promise.resolve()), userId);
    const { uploadId: firstId, done: firstDone } = await workWhileReceiving();
    await first;
    await firstDone;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const again = receiveUpload(slowRequest(text, gate), userId);
    const { uploadId, done } = await workWhileReceiving();
    await waitFor(async () => (await db.upload.findUniqueOrThrow({ where: { id: uploadId } })).eventsParsed > 0);
    release();
    expect(await again).toMatchObject({ id: uploadId, status: "done", duplicateOf: firstId });
    await done;
    expect(await db.upload.findUniqueOrThrow({ where: { id: uploadId } })).toMatchObject({ status: "done", duplicateOf: firstId });
    expect(await db.event.count({ where: { uploadId } })).toBe(0);
    expect(await db.alert.count({ where: { uploadId } })).toBe(0);
    expect(await db.alert.count({ where: { sourceHost: host } })).toBe(2);
  });

  it("an upload interrupted midway leaves nothing behind, and its job ends quietly", async () => {
    const host = `ws-${randomUUID().slice(0, 8)}`;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const receiving = receiveUpload(slowRequest(`${lines(host, 6, Date.UTC(2025, 9, 1)).join("\n")}\n`, gate, true), userId);
    const { uploadId, done } = await workWhileReceiving();
    await waitFor(async () => (await db.upload.findUniqueOrThrow({ where: { id: uploadId } })).eventsParsed > 0);
    release();
    await expect(receiving).rejects.toThrow(/interrupted/);
    await done;
    expect(await db.upload.findUnique({ where: { id: uploadId } })).toBeNull();
    expect(await db.event.count({ where: { hostName: host } })).toBe(0);
    expect(await db.alert.count({ where: { sourceHost: host } })).toBe(0);
  });

  it("takes the first file of a multipart form (the browser's upload) the same way", async () => {
    const host = `ws-${randomUUID().slice(0, 8)}`;
    const form = new FormData();
    form.append("file", new Blob([`${lines(host, 2, Date.UTC(2025, 10, 1)).join("\n")}\n`]), "form.ndjson");
    const receiving = receiveUpload(new Request("http://localhost/api/uploads", { method: "POST", body: form }), userId);
    const { uploadId, done } = await workWhileReceiving();
    expect(await receiving).toMatchObject({ id: uploadId, fileName: "form.ndjson" });
    await done;
    expect(await db.upload.findUniqueOrThrow({ where: { id: uploadId } })).toMatchObject({ status: "done", eventsParsed: 6, alertsFound: 2 });
  });
});
