// What every portal page shares: the county's public division tree (loaded once) and the village
// the citizen is in — from the poster's QR code (?v=) or chosen, remembered for the browser session.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { findPlace, hotlinesOf, type Place, villageFromParam } from './model.ts';
import { type PublicDivisions, portalApi } from './portalApi.ts';

const VILLAGE_KEY = 'huijiu.portal.village';

function storedVillage(): string | null {
  try {
    return villageFromParam(sessionStorage.getItem(VILLAGE_KEY));
  } catch {
    return null;
  }
}

function storeVillage(code: string | null) {
  try {
    if (code) sessionStorage.setItem(VILLAGE_KEY, code);
    else sessionStorage.removeItem(VILLAGE_KEY);
  } catch {
    // storage disabled: remembered for this page only
  }
}

export type PortalState = {
  divisions: PublicDivisions | null;
  divisionsError: unknown;
  reloadDivisions: () => void;
  villageCode: string | null;
  setVillageCode: (code: string | null) => void;
  /** The chosen village's town and names; null while loading or when the code is unknown. */
  place: Place | null;
  hotlines: string[];
};

const Ctx = createContext<PortalState | null>(null);

export function PortalProvider({ children }: { children: ReactNode }) {
  const [params] = useSearchParams();
  const fromQr = villageFromParam(params.get('v'));
  const [villageCode, setVillage] = useState<string | null>(() => fromQr ?? storedVillage());
  const [divisions, setDivisions] = useState<PublicDivisions | null>(null);
  const [divisionsError, setDivisionsError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  // A poster scanned later in the same session wins over the remembered village.
  useEffect(() => {
    if (fromQr) setVillage(fromQr);
  }, [fromQr]);
  useEffect(() => storeVillage(villageCode), [villageCode]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger
  useEffect(() => {
    const ctl = new AbortController();
    setDivisionsError(null);
    portalApi
      .divisions(ctl.signal)
      .then(setDivisions)
      .catch((e: unknown) => {
        if ((e as Error).name !== 'AbortError') setDivisionsError(e);
      });
    return () => ctl.abort();
  }, [attempt]);

  const reloadDivisions = useCallback(() => setAttempt((n) => n + 1), []);
  const value = useMemo<PortalState>(
    () => ({
      divisions,
      divisionsError,
      reloadDivisions,
      villageCode,
      setVillageCode: setVillage,
      place: findPlace(divisions, villageCode),
      hotlines: hotlinesOf(divisions),
    }),
    [divisions, divisionsError, reloadDivisions, villageCode],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function usePortal(): PortalState {
  const v = useContext(Ctx);
  if (!v) throw new Error('usePortal outside PortalProvider');
  return v;
}
