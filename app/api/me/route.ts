import { meContract } from "@/lib/server/api/contracts/users";
import { withRoute } from "@/lib/server/http/with-route";

export const GET = withRoute(meContract, async ({ actor }) => ({
  id: actor.userId,
  email: actor.email,
  name: actor.name,
  role: actor.role,
  via: actor.via,
}));
