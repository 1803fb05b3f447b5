import { Field, Input, Select } from "@/components/ui/field";
import { FieldErrors, type FieldErrorMap } from "@/components/connections/field-errors";
import type { ConnectionFormValues } from "@/components/connections/connection-form-values";

type Props = {
  values: ConnectionFormValues;
  set: <K extends keyof ConnectionFormValues>(key: K, value: ConnectionFormValues[K]) => void;
  /** The saved auth kind when it holds a secret: that secret is kept if the field stays empty. */
  storedSecretKind: ConnectionFormValues["authKind"] | null;
  errors: FieldErrorMap;
};

/** Secrets are write-only: the API never returns them, so an edit form shows them empty. */
export function AuthFields({ values, set, storedSecretKind, errors }: Props) {
  const stored = storedSecretKind === values.authKind;
  const secretHint = stored ? "stored — leave empty to keep" : undefined;
  return (
    <div className="space-y-3">
      <Field label="Authentication" htmlFor="conn-auth">
        <Select id="conn-auth" value={values.authKind} onChange={(e) => set("authKind", e.target.value as ConnectionFormValues["authKind"])}>
          <option value="none">None</option>
          <option value="basic">Basic (username and password)</option>
          <option value="api_key">API key</option>
        </Select>
      </Field>
      <FieldErrors messages={errors.auth} />
      {values.authKind === "basic" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Username" htmlFor="conn-username">
            <Input id="conn-username" value={values.username} onChange={(e) => set("username", e.target.value)} autoComplete="off" required aria-invalid={!!errors.username} />
            <FieldErrors messages={errors.username} />
          </Field>
          <Field label="Password" htmlFor="conn-password" hint={secretHint}>
            <Input id="conn-password" type="password" value={values.password} onChange={(e) => set("password", e.target.value)}
              autoComplete="new-password" placeholder={stored ? "unchanged" : ""} required={!stored} aria-invalid={!!errors.password} />
            <FieldErrors messages={errors.password} />
          </Field>
        </div>
      ) : null}
      {values.authKind === "api_key" ? (
        <Field label="API key" htmlFor="conn-api-key" hint={secretHint ?? "The encoded key Elasticsearch returns when the key is created (base64 of id:api_key)."}>
          <Input id="conn-api-key" type="password" value={values.apiKey} onChange={(e) => set("apiKey", e.target.value)}
            autoComplete="new-password" placeholder={stored ? "unchanged" : ""} required={!stored} aria-invalid={!!errors.apiKey} />
          <FieldErrors messages={errors.apiKey} />
        </Field>
      ) : null}
    </div>
  );
}
