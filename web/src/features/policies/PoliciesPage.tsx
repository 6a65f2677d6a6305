// Placeholder: the policy catalogue page (filled in by its owner).
export function PoliciesPage() {
  return null;
}
