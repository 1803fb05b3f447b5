import { z } from "zod";
import { access } from "@/lib/roles";
import { defineContract } from "@/lib/server/http/contract";

const viewSchema = z.object({
  id: z.string(),
  name: z.string(),
  filters: z.record(z.string(), z.string()),
  shared: z.boolean(),
  isDefault: z.boolean(),
  owner: z.string(),
  mine: z.boolean(),
});

export const listViewsContract = defineContract({
  method: "GET",
  path: "/api/views",
  summary: "Saved queue views: your own and the ones others shared",
  tag: "views",
  roles: access.anyone,
  response: z.object({ views: z.array(viewSchema) }),
});

export const createViewContract = defineContract({
  method: "POST",
  path: "/api/views",
  summary: "Save the current queue filters as a named view (optionally shared, optionally your default)",
  tag: "views",
  roles: access.anyone,
  body: z.strictObject({
    name: z.string().trim().min(1).max(80),
    filters: z.record(z.string().max(40), z.string().max(500)).refine((f) => Object.keys(f).length <= 20, "too many filters"),
    shared: z.boolean().default(false),
    isDefault: z.boolean().default(false),
  }),
  response: viewSchema,
  status: 201,
});

export const deleteViewContract = defineContract({
  method: "DELETE",
  path: "/api/views/{id}",
  summary: "Delete one of your saved views",
  tag: "views",
  roles: access.anyone,
  params: z.object({ id: z.string().uuid() }),
  response: z.object({ deleted: z.literal(true) }),
});
