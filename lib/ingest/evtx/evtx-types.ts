import type { WinEvent } from "@/lib/ingest/win-event/win-event";

export type EvtxRecord = {
  /** EventRecordID from the rendered System block (what Windows and Winlogbeat call the record id). */
  recordId: number;
  /** Number in the record header; differs from EventRecordID in logs re-saved with "Save As". */
  recordNumber: number;
  /** When the record was written (record header FILETIME), ISO 8601 with 100 ns precision. */
  writtenAt: string;
  event: WinEvent;
  xml?: string;
  chunk: number;
  /** Byte offset of the record in the file. */
  offset: number;
};

/** A problem that cost data: a skipped chunk, an unreadable record, a truncated tail. */
export type EvtxProblem = { chunk?: number; offset: number; recordId?: number; reason: string };

export type EvtxItem = { kind: "record"; record: EvtxRecord } | { kind: "problem"; problem: EvtxProblem };

export type EvtxOptions = {
  /** Also render each record as XML (costs time). */
  xml?: boolean;
  /** Set by the reader for chunks past the header's chunk count: no signature there is not damage. */
  unusedSpace?: boolean;
  /**
   * A chunk whose record-data CRC does not match is skipped by default: its records may be silently
   * wrong. "parse" keeps whatever records still decode (forensic salvage).
   */
  onDataChecksumMismatch?: "skip" | "parse";
};
