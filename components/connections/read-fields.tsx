import { Field, Input, Textarea } from "@/components/ui/field";
import { FieldErrors, type FieldErrorMap } from "@/components/connections/field-errors";
import type { ConnectionFormValues } from "@/components/connections/connection-form-values";
import type { RuleOption } from "@/components/connections/connection-types";

type Props = {
  values: ConnectionFormValues;
  set: <K extends keyof ConnectionFormValues>(key: K, value: ConnectionFormValues[K]) => void;
  rules: RuleOption[];
  errors: FieldErrorMap;
};

const MODES = [
  { value: "pull", label: "Pull", help: "Lateral reads every event of each window and runs its own engine. Suits most clusters." },
  { value: "push_down", label: "Push-down", help: "The cluster runs each rule's EQL (_eql/search) and returns only the matches and their context. For large clusters." },
] as const;

/** What to read and when: index patterns, schedule, execution mode and rules. */
export function ReadFields({ values, set, rules, errors }: Props) {
  const toggleRule = (id: string, on: boolean) => set("ruleIds", on ? [...values.ruleIds, id] : values.ruleIds.filter((r) => r !== id));
  return (
    <div className="space-y-3">
      <Field label="Index patterns (one per line)" htmlFor="conn-patterns" hint="Winlogbeat, Elastic Defend and Sysmon indices by default.">
        <Textarea id="conn-patterns" rows={4} value={values.indexPatterns} onChange={(e) => set("indexPatterns", e.target.value)}
          className="font-mono text-xs" spellCheck={false} aria-invalid={!!errors.indexPatterns} />
        <FieldErrors messages={errors.indexPatterns} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Run every (minutes)" htmlFor="conn-interval" hint="Default 5.">
          <Input id="conn-interval" type="number" min={1} step={1} value={values.intervalMinutes} onChange={(e) => set("intervalMinutes", e.target.value)} required aria-invalid={!!errors.intervalSeconds} />
          <FieldErrors messages={errors.intervalSeconds} />
        </Field>
        <Field label="Look back (minutes)" htmlFor="conn-lookback" hint="Default 9, as Kibana runs this rule; at least the interval, so late events are read twice.">
          <Input id="conn-lookback" type="number" min={1} step={1} value={values.lookbackMinutes} onChange={(e) => set("lookbackMinutes", e.target.value)} required aria-invalid={!!errors.lookbackSeconds} />
          <FieldErrors messages={errors.lookbackSeconds} />
        </Field>
      </div>
      <fieldset className="space-y-1.5">
        <legend className="mb-1 text-xs font-medium text-slate-700 dark:text-slate-300">Execution mode</legend>
        {MODES.map((mode) => (
          <label key={mode.value} className="flex items-start gap-2 text-sm">
            <input type="radio" name="conn-mode" value={mode.value} checked={values.mode === mode.value} onChange={() => set("mode", mode.value)} className="mt-1" />
            <span>
              <span className="font-medium">{mode.label}</span>
              <span className="block text-xs text-slate-500 dark:text-slate-400">{mode.help}</span>
            </span>
          </label>
        ))}
        <FieldErrors messages={errors.mode} />
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="mb-1 text-xs font-medium text-slate-700 dark:text-slate-300">Rules</legend>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {values.ruleIds.length === 0 ? "None checked: every enabled rule runs on this connection." : `Only the ${values.ruleIds.length} checked rule(s) run on this connection.`}
        </p>
        {rules.map((rule) => (
          <label key={rule.id} title={`Rule ${rule.id}`} className="flex items-baseline gap-2 text-sm">
            <input type="checkbox" checked={values.ruleIds.includes(rule.id)} onChange={(e) => toggleRule(rule.id, e.target.checked)} />
            <span>
              {rule.name}
              {rule.enabled ? null : <span className="ml-2 text-xs text-amber-700 dark:text-amber-300">disabled by default — runs here if checked</span>}
            </span>
          </label>
        ))}
        <FieldErrors messages={errors.ruleIds} />
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={values.enabled} onChange={(e) => set("enabled", e.target.checked)} />
        Enabled — run on the schedule
      </label>
    </div>
  );
}
