"use client";

import Link from "next/link";
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type RowSelectionState } from "@tanstack/react-table";
import { useMemo } from "react";
import { PriorityBadge } from "@/components/alerts/priority-badge";
import { StatusBadge } from "@/components/alerts/status-badge";
import { formatAge, formatTimestamp } from "@/components/alerts/format-time";
import type { AlertSummary } from "@/components/alerts/alert-types";

type Props = {
  alerts: AlertSummary[];
  selection: RowSelectionState;
  onSelectionChange: (next: RowSelectionState) => void;
  focused: number;
  onFocus: (index: number) => void;
  sort: string;
  order: string;
  onSort: (sort: string) => void;
};

export function QueueTable({ alerts, selection, onSelectionChange, focused, onFocus, sort, order, onSort }: Props) {
  const columns = useMemo<ColumnDef<AlertSummary>[]>(
    () => [
      {
        id: "select",
        header: ({ table }) => (
          <input type="checkbox" aria-label="Select all loaded alerts" checked={table.getIsAllRowsSelected()} onChange={table.getToggleAllRowsSelectedHandler()} />
        ),
        cell: ({ row }) => <input type="checkbox" aria-label={`Select alert ${row.original.id}`} checked={row.getIsSelected()} onChange={row.getToggleSelectedHandler()} onClick={(e) => e.stopPropagation()} />,
      },
      { id: "priority", header: "Priority", cell: ({ row }) => <PriorityBadge priority={row.original.priority} /> },
      { id: "status", header: "Status", cell: ({ row }) => <StatusBadge status={row.original.status} /> },
      {
        id: "rule",
        header: "Rule",
        cell: ({ row }) => (
          <Link href={`/alerts/${row.original.id}`} className="font-medium text-slate-900 hover:text-sky-700 hover:underline dark:text-slate-100 dark:hover:text-sky-400">
            {row.original.ruleName}
            {row.original.escalated ? <span className="ml-1.5 rounded bg-rose-100 px-1 text-[10px] font-semibold text-rose-700 uppercase dark:bg-rose-950 dark:text-rose-300">escalated</span> : null}
          </Link>
        ),
      },
      { id: "host", header: "Source host", cell: ({ row }) => <span className="font-mono text-xs">{row.original.sourceHost ?? "—"}</span> },
      { id: "user", header: "User", cell: ({ row }) => <span className="font-mono text-xs">{row.original.user ?? "—"}</span> },
      {
        id: "destinations",
        header: "Destination(s)",
        cell: ({ row }) => <span className="block max-w-56 truncate font-mono text-xs" title={row.original.destinations.join(", ")}>{row.original.destinations.join(", ") || "—"}</span>,
      },
      { id: "firstSeen", header: "First seen", cell: ({ row }) => <span className="text-xs tabular-nums">{formatTimestamp(row.original.firstSeen)}</span> },
      { id: "lastSeen", header: "Last seen", cell: ({ row }) => <span className="text-xs tabular-nums">{formatTimestamp(row.original.lastSeen)}</span> },
      { id: "assignee", header: "Assignee", cell: ({ row }) => <span className="text-xs">{row.original.assignee?.email ?? <span className="text-slate-400">unassigned</span>}</span> },
      { id: "age", header: "Age", cell: ({ row }) => <span className="text-xs tabular-nums text-slate-500">{formatAge(row.original.createdAt)}</span> },
    ],
    [],
  );
  const table = useReactTable({
    data: alerts,
    columns,
    getRowId: (row) => row.id,
    state: { rowSelection: selection },
    enableRowSelection: true,
    onRowSelectionChange: (updater) => onSelectionChange(typeof updater === "function" ? updater(selection) : updater),
    getCoreRowModel: getCoreRowModel(),
  });
  const sortable = new Set(["priority", "firstSeen", "lastSeen"]);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-left text-sm" aria-label="Alerts">
        <thead className="bg-slate-50 text-[11px] text-slate-500 uppercase dark:bg-slate-800/60">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} className="px-2.5 py-2 font-semibold whitespace-nowrap">
                  {sortable.has(header.id) ? (
                    <button type="button" className="uppercase hover:text-slate-900 dark:hover:text-white" onClick={() => onSort(header.id)}>
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      {sort === header.id ? (order === "asc" ? " ▲" : " ▼") : ""}
                    </button>
                  ) : (
                    flexRender(header.column.columnDef.header, header.getContext())
                  )}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row, index) => (
            <tr
              key={row.id}
              data-focused={index === focused || undefined}
              aria-selected={row.getIsSelected()}
              onClick={() => onFocus(index)}
              className={`border-t border-slate-100 dark:border-slate-800 ${index === focused ? "bg-sky-50 outline-2 -outline-offset-2 outline-sky-400 dark:bg-sky-950/40" : "hover:bg-slate-50 dark:hover:bg-slate-800/40"} ${row.original.status === "closed" ? "text-slate-500" : ""}`}
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="px-2.5 py-1.5 align-middle whitespace-nowrap">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
