import { hostKey, hostKeysMatch } from "@/lib/triage/host-name";

export type UserIdentity = { name: string; domain?: string };

/**
 * Reads `DOMAIN\user`, `user@domain` or a bare `user`; `fallbackDomain` (ECS `user.domain`)
 * applies only when the text names no domain itself.
 */
export function parseUserName(text: string, fallbackDomain?: string): UserIdentity {
  const trimmed = text.trim();
  const slash = trimmed.indexOf("\\");
  if (slash > 0) return { domain: trimmed.slice(0, slash), name: trimmed.slice(slash + 1) };
  const at = trimmed.lastIndexOf("@");
  if (at > 0 && at < trimmed.length - 1) return { name: trimmed.slice(0, at), domain: trimmed.slice(at + 1) };
  const domain = fallbackDomain?.trim();
  return domain ? { name: trimmed, domain } : { name: trimmed };
}

export function formatUser(user: UserIdentity): string {
  return user.domain ? `${user.domain}\\${user.name}` : user.name;
}

/**
 * A bare name in the scope matches that account in any domain; a qualified scope needs the same
 * domain, where `CORP` (NetBIOS) equals `corp.local` (DNS) by first label.
 */
export function userMatches(scope: UserIdentity, actual: UserIdentity): boolean {
  if (scope.name.toLowerCase() !== actual.name.toLowerCase()) return false;
  if (!scope.domain) return true;
  if (!actual.domain) return false;
  return hostKeysMatch(hostKey(scope.domain), hostKey(actual.domain));
}
