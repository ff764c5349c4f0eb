// A value that follows another once it has stopped changing for a while: a search typed
// letter by letter asks the server once per pause, not once per key.
import { useEffect, useState } from 'react';

export function useDebounced<T>(value: T, pauseMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), pauseMs);
    return () => clearTimeout(timer);
  }, [value, pauseMs]);
  return settled;
}
