import { RawEvent } from "@/components/alert-page/raw-event";
import { field, type EcsDoc, type EvidenceEvent } from "@/components/alert-page/alert-detail-types";

function ProcessNode({ doc, depth, highlight, id }: { doc: EcsDoc; depth: number; highlight?: boolean; id: string }) {
  const name = field(doc, "process.name") ?? field(doc, "process.executable") ?? field(doc, "service.name") ?? `event ${field(doc, "event.code") ?? ""}`;
  const commandLine = field(doc, "process.command_line");
  return (
    <li style={{ marginLeft: `${depth * 1.25}rem` }} className="space-y-1">
      <div className={`rounded border px-2 py-1 ${highlight ? "border-amber-400 bg-amber-50 dark:border-amber-700 dark:bg-amber-950/40" : "border-slate-200 dark:border-slate-800"}`}>
        <div className="flex flex-wrap items-baseline gap-x-3 text-xs">
          <span className="font-mono font-semibold">{depth > 0 ? "└ " : ""}{name}</span>
          <span className="text-slate-500">{field(doc, "host.name")}</span>
          <span className="text-slate-500">{field(doc, "user.domain") ? `${field(doc, "user.domain")}\\` : ""}{field(doc, "user.name")}</span>
          <span className="text-slate-500 tabular-nums">{field(doc, "@timestamp")}</span>
        </div>
        {commandLine ? <div className="mt-0.5 font-mono text-[11px] break-all text-slate-700 dark:text-slate-300">{commandLine.length > 600 ? `${commandLine.slice(0, 600)}… (${commandLine.length} characters)` : commandLine}</div> : null}
        <div className="mt-1"><RawEvent doc={doc} label={`Raw event #${id}`} /></div>
      </div>
    </li>
  );
}

/** Parent chain → PsExec → its children; and on the destination, PSEXESVC, its children and service installs. */
export function ProcessTree({ stageOne, evidence }: { stageOne: EcsDoc | undefined; evidence: { own: EvidenceEvent[]; parents: EvidenceEvent[]; children: EvidenceEvent[]; target: EvidenceEvent[] } }) {
  const ownStart = evidence.own.find((e) => (field(e.event, "event.category") ?? "").split(", ").includes("process"));
  const psexec = ownStart?.event ?? stageOne;
  return (
    <div className="space-y-3">
      <div>
        <h4 className="mb-1 text-xs font-semibold text-slate-500 uppercase">Source host</h4>
        <ul className="space-y-1">
          {evidence.parents.map((p, i) => <ProcessNode key={p.id} id={p.id} doc={p.event} depth={i} />)}
          {psexec ? <ProcessNode id={ownStart?.id ?? "alert"} doc={psexec} depth={evidence.parents.length} highlight /> : null}
          {evidence.children.map((c) => <ProcessNode key={c.id} id={c.id} doc={c.event} depth={evidence.parents.length + 1} />)}
        </ul>
        {evidence.children.length === 0 ? <p className="mt-1 text-xs text-slate-500">No child processes of PsExec were recorded.</p> : null}
      </div>
      <div>
        <h4 className="mb-1 text-xs font-semibold text-slate-500 uppercase">Destination host(s)</h4>
        {evidence.target.length ? (
          <ul className="space-y-1">
            {evidence.target.map((t) => (
              <ProcessNode key={t.id} id={t.id} doc={t.event} depth={(field(t.event, "process.parent.name") ?? "").toLowerCase() === "psexesvc.exe" ? 1 : 0} />
            ))}
          </ul>
        ) : (
          <p className="text-xs text-slate-500">No destination-side events (PSEXESVC, service installs, share access) are stored for this time window. Upload the target host&apos;s logs to complete the picture.</p>
        )}
      </div>
    </div>
  );
}
