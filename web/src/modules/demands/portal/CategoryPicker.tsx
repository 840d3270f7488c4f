import { useMemo } from 'react';
import type { DemandCategory } from '../shared/types';

/** The categories as tappable chips under their group names, in the district's order. */
export function CategoryPicker({ categories, value, onChange }: {
  categories: DemandCategory[];
  value?: string;
  onChange?: (id: string) => void;
}) {
  const groups = useMemo(() => {
    const byGroup = new Map<string, DemandCategory[]>();
    for (const c of categories) byGroup.set(c.groupName, [...(byGroup.get(c.groupName) ?? []), c]);
    return [...byGroup.entries()];
  }, [categories]);
  const chosen = categories.find((c) => c.id === value);

  return (
    <div className="gz-dm-categories" data-testid="m-demand-categories">
      {groups.map(([group, items]) => (
        <div key={group} className="gz-dm-category-group">
          <div className="gz-dm-category-group-name">{group}</div>
          <div className="gz-dm-chips">
            {items.map((c) => (
              <button key={c.id} type="button" className={c.id === value ? 'gz-dm-chip active' : 'gz-dm-chip'}
                aria-pressed={c.id === value} onClick={() => onChange?.(c.id)} data-testid={`m-demand-category-${c.code}`}>
                {c.name}
              </button>
            ))}
          </div>
        </div>
      ))}
      {chosen?.description && <div className="gz-dm-category-note" data-testid="m-demand-category-note">{chosen.description}</div>}
    </div>
  );
}
