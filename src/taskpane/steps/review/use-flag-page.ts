/**
 * One page of the review list, asked of the engine whenever the analysis shown, the filters, the
 * order or the page change. The pane holds that page only; until the next arrives the last one
 * stays on screen. A question about an analysis the engine has let go of (the workbook is being
 * read again) fails quietly: the next analysis asks again.
 */
import { useEffect, useState } from 'react';
import type { Analysis, FlagPage, FlagQuery } from '../../engine/types';

export interface FlagPageState {
  page: FlagPage | null;
  /** The query the page on screen answers. */
  query: string | null;
  failed: boolean;
}

export function useFlagPage(analysis: Analysis | null, query: FlagQuery): FlagPageState {
  const key = JSON.stringify(query);
  const [state, setState] = useState<FlagPageState>({ page: null, query: null, failed: false });
  useEffect(() => {
    if (!analysis) return;
    let live = true;
    analysis.flagPage(JSON.parse(key) as FlagQuery).then(
      (page) => live && setState({ page, query: key, failed: false }),
      () => live && setState((s) => ({ ...s, failed: true })),
    );
    return () => {
      live = false;
    };
  }, [analysis, key]);
  return state;
}
