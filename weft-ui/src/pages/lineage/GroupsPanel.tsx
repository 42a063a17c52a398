interface Props {
  groups: { group: string; size: number }[];
  collapsed: ReadonlySet<string>;
  onChange(collapsed: Set<string>): void;
}

/** A checkbox per group: a collapsed group is drawn as one node with its status counts. */
export function GroupsPanel({ groups, collapsed, onChange }: Props) {
  const toggle = (group: string) => {
    const next = new Set(collapsed);
    if (next.has(group)) next.delete(group);
    else next.add(group);
    onChange(next);
  };
  return (
    <fieldset className="lineage-groups">
      <legend>Groups</legend>
      <div className="lineage-buttons">
        <button type="button" className="button quiet" onClick={() => onChange(new Set(groups.map((g) => g.group)))}>
          Collapse all
        </button>
        <button type="button" className="button quiet" onClick={() => onChange(new Set())}>
          Expand all
        </button>
      </div>
      <ul>
        {groups.map((g) => (
          <li key={g.group}>
            <label>
              <input type="checkbox" checked={collapsed.has(g.group)} onChange={() => toggle(g.group)} /> Collapse{" "}
              <code>{g.group}</code> ({g.size})
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
