/**
 * The user's own preferences (not the workbook's): language and reviewer name, kept in the
 * browser's local storage of the add-in. Storage may be unavailable (private mode, policies):
 * then the values simply last for the session.
 */
import { useCallback, useState } from 'react';

const PREFIX = 'binhxet.';

export function readPreference(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(PREFIX + key) ?? null;
  } catch {
    return null;
  }
}

export function writePreference(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(PREFIX + key, value);
  } catch {
    // not kept: fine
  }
}

export function usePreference(key: string, initial = ''): [string, (v: string) => void] {
  const [value, setValue] = useState(() => readPreference(key) ?? initial);
  const set = useCallback(
    (v: string) => {
      setValue(v);
      writePreference(key, v);
    },
    [key],
  );
  return [value, set];
}
