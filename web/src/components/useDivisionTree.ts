// The division tree of the signed-in user's jurisdiction, loaded once per session.
import { useEffect, useState } from 'react';
import { registryApi } from '../api/registry.ts';
import type { DivisionNode } from '../api/types.ts';

let cache: Promise<DivisionNode[]> | null = null;

export function resetDivisionCache() {
  cache = null;
}

function load(): Promise<DivisionNode[]> {
  if (!cache) {
    cache = registryApi.divisionTree().then((r) => r.items);
    cache.catch(() => {
      cache = null;
    });
  }
  return cache;
}

export function useDivisionTree(): { tree: DivisionNode[]; loading: boolean; error: unknown } {
  const [tree, setTree] = useState<DivisionNode[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let alive = true;
    load()
      .then((items) => alive && setTree(items))
      .catch((e) => alive && setError(e))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, []);
  return { tree, loading, error };
}

/** The code the household search takes: 6 digits for the county, 9 for a town, 12 for a village. */
export const filterCode = (n: DivisionNode): string =>
  n.level === 'county' ? n.code.slice(0, 6) : n.level === 'town' ? n.code.slice(0, 9) : n.code;

/** Finds the node whose code or filter code is `code`. */
export function findDivision(tree: DivisionNode[], code: string): DivisionNode | null {
  for (const n of tree) {
    if (n.code === code || filterCode(n) === code) return n;
    const hit = findDivision(n.children ?? [], code);
    if (hit) return hit;
  }
  return null;
}
