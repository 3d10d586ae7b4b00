/**
 * TeamTable.members_with_roles, typed and parsed in one place. LiteLLM writes '{}' for a team without
 * members, and an entry may carry only a user_email; anything that is not an object is skipped.
 */
export interface MemberEntry {
  userId: string | null;
  userEmail: string | null;
  role: 'admin' | 'user';
  /** index among the entries: the member list's cursor */
  position: number;
}

export function teamMembers(membersWithRoles: unknown): MemberEntry[] {
  if (!Array.isArray(membersWithRoles)) return [];
  const out: MemberEntry[] = [];
  membersWithRoles.forEach((m) => {
    if (!m || typeof m !== 'object') return;
    const e = m as Record<string, unknown>;
    out.push({
      userId: typeof e.user_id === 'string' ? e.user_id : null,
      userEmail: typeof e.user_email === 'string' ? e.user_email : null,
      role: e.role === 'admin' ? 'admin' : 'user',
      position: out.length,
    });
  });
  return out;
}

export function memberOf(membersWithRoles: unknown, userId: string | null): MemberEntry | undefined {
  return userId === null ? undefined : teamMembers(membersWithRoles).find((m) => m.userId === userId);
}
