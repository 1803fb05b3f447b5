"use client";

import { useRouter } from "next/navigation";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ConnectionForm } from "@/components/connections/connection-form";
import { emptyValues } from "@/components/connections/connection-form-values";
import type { ConnectionDefaults } from "@/components/connections/connection-types";
import { useConnections, useSaveConnection } from "@/components/connections/use-connections";

export function NewConnectionPage({ defaults }: { defaults: ConnectionDefaults }) {
  const router = useRouter();
  const rules = useConnections().data?.rules ?? [];
  const save = useSaveConnection();
  return (
    <>
      <PageHeader title="Add a connection" description="Test the settings first: the test reports the cluster's version and what the index patterns hold." />
      <Card>
        <ConnectionForm
          initial={emptyValues(defaults)}
          rules={rules}
          submitLabel="Save connection"
          pending={save.isPending}
          error={save.error}
          onSubmit={(body) => save.mutate(body, { onSuccess: (connection) => router.push(`/admin/connections/${connection.id}`) })}
          onCancel={() => router.push("/admin/connections")}
        />
      </Card>
    </>
  );
}
