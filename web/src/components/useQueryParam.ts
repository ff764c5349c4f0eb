// One value of the page kept in the address (?mode=count), so Back, reload and a shared link
// show the same view. The address is replaced, not pushed, and the page does not scroll.
import { useSearchParams } from 'react-router';

/** [value, set]: the fallback is never written to the address; `alsoClear` drops dependent values (a page number). */
export function useQueryParam(name: string, fallback = ''): [string, (value: string, alsoClear?: string[]) => void] {
  const [params, setParams] = useSearchParams();
  const set = (value: string, alsoClear: string[] = []) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === fallback) next.delete(name);
        else next.set(name, value);
        for (const other of alsoClear) next.delete(other);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  return [params.get(name) ?? fallback, set];
}
