export type UploadReport = {
  format: string | null;
  events: number;
  byChannelAndEventId: Record<string, number>;
  timeRange: { from: string; to: string } | null;
  hosts: string[];
  rejected: number;
  rejections: { reason: string; position: { line?: number; record?: number; offset?: number; chunk?: number; index?: number; entry?: string } }[];
};

export type Upload = {
  id: string;
  fileName: string;
  sizeBytes: number;
  status: "receiving" | "queued" | "processing" | "done" | "failed";
  format: string | null;
  bytesRead: number;
  eventsParsed: number;
  eventsStored: number;
  rejected: number;
  alertsFound: number;
  duplicateOf: string | null;
  error: string | null;
  report: UploadReport | null;
  createdAt: string;
  finishedAt: string | null;
  uploadedBy: string | null;
  alerts?: { id: string; priority: string; ruleName: string; sourceHost: string | null }[];
};
