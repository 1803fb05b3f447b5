import { z } from "zod";

const mitreRef = z.object({ id: z.string().min(1), name: z.string().min(1), reference: z.string().url().optional() });
const technique = mitreRef.extend({ subtechnique: z.array(mitreRef).optional() });

/** Elastic detection-rules TOML shape (the fields this app reads); unknown keys are kept, not rejected. */
export const ruleFileSchema = z.object({
  metadata: z
    .looseObject({
      creation_date: z.string().optional(),
      updated_date: z.string().optional(),
      maturity: z.string().optional(),
      // Our extension: rules shipped but off unless the admin turns them on.
      lateral_enabled: z.boolean().default(true),
    })
    .default({ lateral_enabled: true }),
  rule: z.looseObject({
    // Kibana accepts any string id; Elastic's own repo has a 13-digit last group, so only the UUID alphabet is checked.
    rule_id: z.string().regex(/^[0-9a-f]{8}(-[0-9a-f]{4,16}){3,4}$/i, "expected a UUID"),
    name: z.string().min(1),
    description: z.string().min(1),
    risk_score: z.number().int().min(0).max(100),
    severity: z.enum(["low", "medium", "high", "critical"]),
    type: z.literal("eql"),
    language: z.literal("eql"),
    index: z.array(z.string()).default([]),
    query: z.string().min(1),
    note: z.string().optional(),
    tags: z.array(z.string()).optional(),
    threat: z
      .array(z.object({ framework: z.string(), tactic: mitreRef, technique: z.array(technique).optional() }))
      .optional(),
  }),
});

export type RuleFile = z.infer<typeof ruleFileSchema>;
