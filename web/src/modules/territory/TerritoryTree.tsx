import { useCallback, useEffect, useState } from 'react';
import { Empty, Input, List, Tag, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorState, Loading } from '../../app/ui/States';
import type { Items, TerritoryNode } from '../../app/types';

interface Props {
  selectedId?: string;
  /** Ids from a root down to the selected node, so the tree opens along that path. */
  path: string[];
  onSelect: (id: string) => void;
  /** Changing it reloads the tree (after a create, rename, move or retire). */
  version: number;
}

interface Branch {
  node: TerritoryNode;
  children?: string[];
}

/** A tree loaded one level at a time, with a name/code search beside it. */
export function TerritoryTree({ selectedId, path, onSelect, version }: Props) {
  const { t, tx } = useI18n();
  const [roots, setRoots] = useState<string[]>([]);
  const [branches, setBranches] = useState<Record<string, Branch>>({});
  const [expanded, setExpanded] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [results, setResults] = useState<TerritoryNode[] | null>(null);
  const [searching, setSearching] = useState(false);

  const loadChildren = useCallback(async (id: string) => {
    const res = await api<Items<TerritoryNode>>(`/api/territories/${id}/children`);
    setBranches((prev) => {
      const next = { ...prev };
      for (const n of res.items) next[n.id] = { node: n, children: prev[n.id]?.children };
      next[id] = { ...next[id], children: res.items.map((n) => n.id) };
      return next;
    });
    return res.items;
  }, []);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api<Items<TerritoryNode>>('/api/territories/roots')
      .then((res) => {
        if (!live) return;
        setBranches(Object.fromEntries(res.items.map((n) => [n.id, { node: n }])));
        setRoots(res.items.map((n) => n.id));
        setError(undefined);
      })
      .catch((e) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [version]);

  // Open the tree along the path of the selected node, loading each level on the way.
  const pathKey = path.join('/');
  useEffect(() => {
    if (!roots.length || !path.length) return;
    let live = true;
    (async () => {
      const start = path.findIndex((id) => roots.includes(id));
      if (start < 0) return;
      const chain = path.slice(start, -1);
      for (const id of chain) {
        if (!live) return;
        try {
          await loadChildren(id);
        } catch {
          return;
        }
      }
      if (live) setExpanded((prev) => Array.from(new Set([...prev, ...chain])));
    })();
    return () => {
      live = false;
    };
  }, [pathKey, roots, loadChildren]);

  const toData = (id: string): TreeDataNode => {
    const b = branches[id];
    const n = b.node;
    return {
      key: n.id,
      title: (
        <span data-testid={`tree-node-${n.id}`}>
          {n.name}
          <span style={{ color: '#999', marginInlineStart: 6, fontSize: 12 }}>{tx('kind', n.kind)}</span>
        </span>
      ),
      // Once loaded, the children decide; before that only a building is surely a leaf
      // (hasChildren is treated as a hint: the tree must never hide a branch).
      isLeaf: b.children ? b.children.length === 0 : n.kind === 'building' && !n.hasChildren,
      children: b.children?.filter((c) => branches[c]).map(toData),
    };
  };

  const search = async (q: string) => {
    if (!q.trim()) {
      setResults(null);
      return;
    }
    setSearching(true);
    try {
      const res = await api<Items<TerritoryNode>>('/api/territories', { query: { q: q.trim() } });
      setResults(res.items);
    } catch (e) {
      setError(e);
    } finally {
      setSearching(false);
    }
  };

  return (
    <div>
      <Input.Search
        placeholder={t('territory.search')}
        aria-label={t('territory.search')}
        allowClear
        enterButton
        loading={searching}
        onSearch={search}
        data-testid="territory-search"
        style={{ marginBottom: 12 }}
      />
      {results && (
        <div style={{ marginBottom: 12 }} data-testid="territory-search-results">
          <div style={{ color: '#888', marginBottom: 4 }}>{t('territory.searchResults')}</div>
          {results.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('territory.noResults')} />
          ) : (
            <List
              size="small"
              bordered
              dataSource={results}
              style={{ maxHeight: 280, overflow: 'auto' }}
              renderItem={(n) => (
                <List.Item
                  style={{ cursor: 'pointer', minHeight: 44 }}
                  onClick={() => onSelect(n.id)}
                  data-testid={`territory-result-${n.id}`}
                  role="button"
                  tabIndex={0}
                  onKeyDown={(e) => e.key === 'Enter' && onSelect(n.id)}
                >
                  <span>
                    {n.name} <Tag style={{ marginInlineStart: 4 }}>{tx('kind', n.kind)}</Tag>
                  </span>
                  <span className="gz-mono" style={{ color: '#888', fontSize: 12 }}>{n.code}</span>
                </List.Item>
              )}
            />
          )}
        </div>
      )}
      {loading ? (
        <Loading />
      ) : error ? (
        <ErrorState error={error} />
      ) : (
        <div data-testid="tree" aria-label={t('territory.tree')} style={{ overflowX: 'auto' }}>
          <Tree
            blockNode
            treeData={roots.filter((r) => branches[r]).map(toData)}
            selectedKeys={selectedId ? [selectedId] : []}
            expandedKeys={expanded}
            onExpand={(keys) => setExpanded(keys as string[])}
            loadData={async (node) => {
              const id = String(node.key);
              if (!branches[id]?.children) await loadChildren(id);
            }}
            onSelect={(keys) => keys.length && onSelect(String(keys[0]))}
          />
        </div>
      )}
    </div>
  );
}
