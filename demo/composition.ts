// Choosing demo households so that the caseload matches the press release in households AND
// persons (1,709 households / 2,720 persons is 1.59 persons per household, smaller than the
// district's average household): singles first, then pairs, then triples; when the persons still
// exceed the target, some households are covered as 单人保 (one member, S1 Art.8). Pure.

export type Sized = { members: readonly unknown[] };

export type Composition<H> = { picked: H[]; singlePerson: Set<H>; persons: number };

export function pickComposition<H extends Sized>(
  pool: readonly H[],
  households: number,
  persons: number,
): Composition<H> {
  const bySize = (n: number) => pool.filter((h) => (n < 4 ? h.members.length === n : h.members.length >= 4));
  const groups = [bySize(1), bySize(2), bySize(3), bySize(4)];
  const take = [0, 0, 0, 0];
  let left = households;
  for (let g = 0; g < groups.length && left > 0; g++) {
    take[g] = Math.min(groups[g]!.length, left);
    left -= take[g]!;
  }
  const sizeOf = (g: number) => g + 1;
  let total = take.reduce((s, n, g) => s + n * sizeOf(g), 0);
  // Too few persons: trade a smaller household for a larger one while the pool allows.
  // One person at a time (a single for a pair before a pair for a triple), so the total lands exactly.
  for (let small = 0; small < 3 && total < persons; small++) {
    for (let big = small + 1; big < 4 && total < persons; big++) {
      while (total < persons && take[small]! > 0 && take[big]! < groups[big]!.length) {
        take[small]!--;
        take[big]!++;
        total += sizeOf(big) - sizeOf(small);
      }
    }
  }
  const picked = groups.flatMap((g, i) => g.slice(0, take[i]));
  // Too many persons: cover some multi-member households as 单人保 (each one person).
  const singlePerson = new Set<H>();
  for (const h of picked) {
    if (total <= persons) break;
    if (h.members.length < 2) continue;
    singlePerson.add(h);
    total -= h.members.length - 1;
  }
  return { picked, singlePerson, persons: total };
}
