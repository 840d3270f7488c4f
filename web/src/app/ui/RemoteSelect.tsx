import { useEffect, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import type { SelectProps } from 'antd';

/** How long typing has to pause before the server is asked. */
const DEBOUNCE_MS = 250;

/**
 * Options found on the server as the user types: waits for a pause in typing, ignores empty text,
 * keeps only the answer to the latest question (an earlier, slower answer never overwrites it),
 * and shows nothing when the search fails. `initial` fills the list before anything is typed.
 */
export function useRemoteOptions<T>(find: (q: string) => Promise<T[]>, initial?: T[]) {
  const [items, setItems] = useState<T[]>(initial ?? []);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const timer = useRef<number>(undefined);
  const findRef = useRef(find);
  findRef.current = find;

  // The initial options may arrive after the first render (e.g. the caller's grant nodes).
  useEffect(() => {
    if (initial?.length && !items.length) setItems(initial);
  }, [initial, items.length]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const search = (text: string) => {
    window.clearTimeout(timer.current);
    const q = text.trim();
    if (!q) return;
    timer.current = window.setTimeout(async () => {
      const mine = ++seq.current;
      setLoading(true);
      try {
        const found = await findRef.current(q);
        if (mine === seq.current) setItems(found);
      } catch {
        if (mine === seq.current) setItems([]);
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    }, DEBOUNCE_MS);
  };

  return { items, loading, search };
}

type Passed = Omit<SelectProps<string>, 'options' | 'showSearch' | 'notFoundContent' | 'onChange' | 'value' | 'filterOption' | 'onSearch'>;

export interface RemoteSelectProps<T> extends Passed {
  value?: string;
  /** Called with the chosen id and, when known, the item it came from. */
  onChange?: (id: string | undefined, item?: T) => void;
  /** Asks the server for the items matching the typed (trimmed, non-empty) text. */
  find: (q: string) => Promise<T[]>;
  /** The option shown for an item. */
  toOption: (item: T) => { value: string; label: string };
  initial?: T[];
  testId?: string;
}

/** A select whose options come from a server search as the user types. */
export function RemoteSelect<T>({ value, onChange, find, toOption, initial, testId, ...rest }: RemoteSelectProps<T>) {
  const { items, loading, search } = useRemoteOptions(find, initial);
  return (
    <Select<string>
      {...rest}
      showSearch={{ filterOption: false, onSearch: search }}
      value={value}
      data-testid={testId}
      notFoundContent={loading ? <Spin size="small" /> : null}
      onChange={(id: string | undefined) => onChange?.(id, items.find((i) => toOption(i).value === id))}
      options={items.map(toOption)}
    />
  );
}
