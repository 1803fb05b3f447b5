import { field, type EcsDoc, type EvidenceEvent } from "@/components/alert-page/alert-detail-types";

/** Every network event of the PsExec process, with host names from the same host's DNS events. */
export function ConnectionsTable({ own, dns, destinations }: { own: EvidenceEvent[]; dns: EvidenceEvent[]; destinations: string[] }) {
  const network = own.filter((e) => (field(e.event, "event.category") ?? "").split(", ").includes("network"));
  const names = new Map<string, string>();
  for (const d of dns) {
    const name = field(d.event, "dns.question.name");
    for (const ip of (field(d.event, "dns.resolved_ip") ?? "").split(", ").filter(Boolean)) if (name) names.set(ip, name);
  }
  const resolve = (doc: EcsDoc) => {
    const ip = field(doc, "destination.ip");
    return field(doc, "destination.domain") ?? (ip ? names.get(ip) : undefined) ?? destinations.find((d) => ip && d.includes(ip))?.split(" ")[0];
  };
  if (network.length === 0) return <p className="text-xs text-slate-500">No network events of the PsExec process are stored (targets from the command line: {destinations.join(", ") || "none"}).</p>;
  return (
    <table className="w-full text-left text-xs">
      <thead className="text-slate-500 uppercase">
        <tr><th className="py-1">Time</th><th>Destination IP</th><th>Port</th><th>Protocol</th><th>Host name</th><th>Event</th></tr>
      </thead>
      <tbody className="font-mono">
        {network.map((e) => (
          <tr key={e.id} className="border-t border-slate-100 dark:border-slate-800">
            <td className="py-1">{field(e.event, "@timestamp")}</td>
            <td>{field(e.event, "destination.ip") ?? field(e.event, "dns.question.name") ?? "—"}</td>
            <td>{field(e.event, "destination.port") ?? "—"}</td>
            <td>{field(e.event, "network.transport") ?? field(e.event, "network.protocol") ?? "—"}</td>
            <td>{resolve(e.event) ?? "—"}</td>
            <td>{field(e.event, "event.code") ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
