"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { apiFetch, describeError as describe } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { roles, type Role } from "@/lib/roles";
import { AlertBox } from "@/components/ui/alert-box";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";

type User = { id: string; email: string; name: string; role: Role; disabled: boolean; createdAt: string };

export function UsersPanel() {
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: queryKeys.users(), queryFn: () => apiFetch<{ users: User[] }>("/api/users") });
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  const createUser = useMutation({
    mutationFn: (body: { email: string; role: Role; password: string }) => apiFetch<User>("/api/users", { method: "POST", json: body }),
    onSuccess: (user) => {
      setMessage({ tone: "success", text: `Added ${user.email} as ${user.role}.` });
      void queryClient.invalidateQueries({ queryKey: queryKeys.users() });
    },
    onError: (error) => setMessage({ tone: "error", text: describe(error) }),
  });

  const updateUser = useMutation({
    mutationFn: ({ id, ...patch }: { id: string; role?: Role; disabled?: boolean }) =>
      apiFetch<User>(`/api/users/${id}`, { method: "PATCH", json: patch }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.users() }),
    onError: (error) => setMessage({ tone: "error", text: describe(error) }),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    createUser.mutate({ email: String(form.get("email")), role: String(form.get("role")) as Role, password: String(form.get("password")) });
    event.currentTarget.reset();
  }

  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_320px]">
      <Card title="Users">
        {users.isPending ? <p className="text-slate-500">Loading…</p> : null}
        {users.error ? <AlertBox tone="error">{describe(users.error)}</AlertBox> : null}
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-slate-500 uppercase">
            <tr>
              <th className="py-1.5">Email</th>
              <th>Role</th>
              <th>Status</th>
              <th>Added</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.users.map((user) => (
              <tr key={user.id} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-1.5">{user.email}</td>
                <td>
                  <Select
                    aria-label={`Role of ${user.email}`}
                    value={user.role}
                    onChange={(event) => updateUser.mutate({ id: user.id, role: event.target.value as Role })}
                    className="w-32 py-1"
                  >
                    {roles.map((role) => (
                      <option key={role} value={role}>{role}</option>
                    ))}
                  </Select>
                </td>
                <td>
                  <Button size="sm" variant="ghost" onClick={() => updateUser.mutate({ id: user.id, disabled: !user.disabled })}>
                    {user.disabled ? "Disabled — enable" : "Active — disable"}
                  </Button>
                </td>
                <td className="text-slate-500">{new Date(user.createdAt).toLocaleDateString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card title="Add a user">
        <form onSubmit={onSubmit} className="space-y-3">
          {message ? <AlertBox tone={message.tone}>{message.text}</AlertBox> : null}
          <Field label="Email" htmlFor="new-email">
            <Input id="new-email" name="email" type="email" required />
          </Field>
          <Field label="Role" htmlFor="new-role">
            <Select id="new-role" name="role" defaultValue="analyst">
              {roles.map((role) => (
                <option key={role} value={role}>{role}</option>
              ))}
            </Select>
          </Field>
          <Field label="Initial password" htmlFor="new-password" hint="At least 12 characters; share it privately.">
            <Input id="new-password" name="password" type="password" minLength={12} required autoComplete="new-password" />
          </Field>
          <Button type="submit" disabled={createUser.isPending}>Add user</Button>
        </form>
      </Card>
    </div>
  );
}
