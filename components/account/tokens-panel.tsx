"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { apiFetch, describeError } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { AlertBox } from "@/components/ui/alert-box";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";

type Token = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; expiresAt: string | null; revokedAt: string | null };

export function TokensPanel() {
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: queryKeys.tokens(), queryFn: () => apiFetch<{ tokens: Token[] }>("/api/tokens") });
  const [created, setCreated] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.tokens() });

  const create = useMutation({
    mutationFn: (body: { name: string; expiresInDays?: number }) => apiFetch<Token & { token: string }>("/api/tokens", { method: "POST", json: body }),
    onSuccess: (token) => {
      setCreated(token.token);
      refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/tokens/${id}`, { method: "DELETE" }),
    onSuccess: refresh,
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const days = Number(form.get("days"));
    create.mutate({ name: String(form.get("name")), expiresInDays: days > 0 ? days : undefined });
  }

  return (
    <Card title="API tokens">
      <p className="mb-3 text-slate-600 dark:text-slate-400">
        Scripts and SOAR tools send <code className="font-mono">Authorization: Bearer &lt;token&gt;</code> and act with your role.
      </p>
      {created ? (
        <AlertBox tone="success">
          Copy this token now; it will not be shown again: <code className="font-mono break-all select-all" data-testid="new-token">{created}</code>
        </AlertBox>
      ) : null}
      {create.error || revoke.error ? <AlertBox tone="error">{describeError(create.error ?? revoke.error)}</AlertBox> : null}
      <form onSubmit={onSubmit} className="my-3 flex items-end gap-2">
        <Field label="Token name" htmlFor="token-name">
          <Input id="token-name" name="name" required maxLength={80} placeholder="e.g. soar-playbook" />
        </Field>
        <Field label="Expires in (days)" htmlFor="token-days">
          <Input id="token-days" name="days" type="number" min={1} max={366} placeholder="never" className="w-32" />
        </Field>
        <Button type="submit" disabled={create.isPending}>Create token</Button>
      </form>
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-slate-500 uppercase">
          <tr><th className="py-1.5">Name</th><th>Prefix</th><th>Created</th><th>Last used</th><th>State</th><th /></tr>
        </thead>
        <tbody>
          {tokens.data?.tokens.map((token) => (
            <tr key={token.id} className="border-t border-slate-100 dark:border-slate-800">
              <td className="py-1.5">{token.name}</td>
              <td className="font-mono text-xs">{token.prefix}…</td>
              <td>{new Date(token.createdAt).toLocaleString()}</td>
              <td>{token.lastUsedAt ? new Date(token.lastUsedAt).toLocaleString() : "never"}</td>
              <td>{token.revokedAt ? "revoked" : token.expiresAt && new Date(token.expiresAt) < new Date() ? "expired" : "active"}</td>
              <td className="text-right">
                {token.revokedAt ? null : (
                  <Button size="sm" variant="secondary" onClick={() => revoke.mutate(token.id)}>Revoke</Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
