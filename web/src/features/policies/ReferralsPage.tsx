// Placeholder: the department referrals worklist (filled in by its owner).
export function ReferralsPage() {
  return null;
}
