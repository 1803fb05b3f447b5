import { createUserContract, listUsersContract } from "@/lib/server/api/contracts/users";
import { withRoute } from "@/lib/server/http/with-route";
import { createUser } from "@/lib/server/users/create-user";
import { findUsers, toUserDto } from "@/lib/server/users/find-users";

export const GET = withRoute(listUsersContract, async () => ({ users: (await findUsers()).map(toUserDto) }));

export const POST = withRoute(createUserContract, async ({ body }) => toUserDto(await createUser(body)));
