import { describe, expect, it } from 'vitest';
import { pickComposition } from './composition.ts';

const pool = (sizes: Record<number, number>) =>
  Object.entries(sizes).flatMap(([size, n]) =>
    Array.from({ length: n }, (_, i) => ({
      id: `${size}-${i}`,
      members: Array.from({ length: Number(size) }),
    })),
  );

describe('pickComposition — households and persons of the press release (1,709 / 2,720)', () => {
  it.each([
    ['exact from singles and pairs', { 1: 100, 2: 200 }, 165, 291, 291],
    ['pairs and triples when singles run out', { 1: 10, 2: 200, 3: 200 }, 100, 250, 250],
    ['单人保 in pairs when there are too few singles', { 1: 10, 2: 500 }, 200, 250, 250],
    ['as close as the pool allows', { 1: 5 }, 10, 8, 5],
    ['one step at a time: pairs before larger households', { 1: 200, 2: 200, 4: 200 }, 165, 291, 291],
  ])('%s', (_n, sizes, households, persons, expected) => {
    const r = pickComposition(pool(sizes), households, persons);
    expect(r.picked.length).toBe(Math.min(households, pool(sizes).length));
    expect(r.persons).toBe(expected);
    const counted = r.picked.reduce((s, h) => s + (r.singlePerson.has(h) ? 1 : h.members.length), 0);
    expect(counted).toBe(r.persons);
  });
});
