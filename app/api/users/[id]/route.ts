import { updateUserContract } from "@/lib/server/api/contracts/users";
import { withRoute } from "@/lib/server/http/with-route";
import { toUserDto } from "@/lib/server/users/find-users";
import { updateUser } from "@/lib/server/users/update-user";

export const PATCH = withRoute(updateUserContract, async ({ params, body, actor }) =>
  toUserDto(await updateUser(params.id, body, actor.userId)),
);
