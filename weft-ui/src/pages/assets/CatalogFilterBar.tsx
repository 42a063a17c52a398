import { useEffect, useId, useState } from "react";
import { ASSET_STATUSES } from "./assetsApi";
import { assetStatusLabel } from "./AssetStatusBadge";
import type { CatalogFilter } from "./catalogFilter";

interface Props {
  filter: CatalogFilter;
  groups: string[];
  onChange: (next: CatalogFilter) => void;
}

/** The catalog's filter: text in the key (applied as typed), group and status. */
export function CatalogFilterBar({ filter, groups, onChange }: Props) {
  const [text, setText] = useState(filter.text);
  const textId = useId();
  const groupId = useId();
  const statusId = useId();
  useEffect(() => setText(filter.text), [filter.text]);
  return (
    <form className="toolbar" role="search" aria-label="Filter assets" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor={textId}>Key contains</label>
      <input
        id={textId}
        type="search"
        value={text}
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          onChange({ ...filter, text: e.target.value });
        }}
      />
      <label htmlFor={groupId}>Group</label>
      <select id={groupId} value={filter.group} onChange={(e) => onChange({ ...filter, group: e.target.value })}>
        <option value="">Any group</option>
        {groups.map((g) => (
          <option key={g} value={g}>
            {g}
          </option>
        ))}
      </select>
      <label htmlFor={statusId}>Status</label>
      <select
        id={statusId}
        value={filter.status ?? ""}
        onChange={(e) => onChange({ ...filter, status: ASSET_STATUSES.find((s) => s === e.target.value) ?? null })}
      >
        <option value="">Any status</option>
        {ASSET_STATUSES.map((s) => (
          <option key={s} value={s}>
            {assetStatusLabel(s)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button"
        disabled={filter.text === "" && filter.group === "" && filter.status === null}
        onClick={() => onChange({ text: "", group: "", status: null })}
      >
        Clear
      </button>
    </form>
  );
}
