// Division pickers on the tree of the user's jurisdiction: a filter (any level), a village picker and
// a picker of one level (town or village) whose value is that level's code (9 or 12 digits).
import { TreeSelect } from 'antd';
import { type CSSProperties, useMemo } from 'react';
import type { DivisionNode } from '../api/types.ts';
import { filterCode, useDivisionTree } from './useDivisionTree.ts';

type TreeOption = { value: string; title: string; selectable?: boolean; children?: TreeOption[] };

const toFilterOptions = (nodes: DivisionNode[]): TreeOption[] =>
  nodes.map((n) => ({
    value: filterCode(n),
    title: n.name,
    children: n.children?.length ? toFilterOptions(n.children) : undefined,
  }));

const toVillageOptions = (nodes: DivisionNode[]): TreeOption[] =>
  nodes.map((n) => ({
    value: n.code,
    title: n.name,
    selectable: n.level === 'village',
    children: n.children?.length ? toVillageOptions(n.children) : undefined,
  }));

/** Only nodes of `level` can be chosen; nothing below that level is shown. */
const toLevelOptions = (nodes: DivisionNode[], level: 'town' | 'village'): TreeOption[] =>
  nodes.map((n) => ({
    value: filterCode(n),
    title: n.name,
    selectable: n.level === level,
    children: n.level !== level && n.children?.length ? toLevelOptions(n.children, level) : undefined,
  }));

type Props = {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  'data-testid'?: string;
  style?: CSSProperties;
};

/** Town/village filter for lists: the value is a 6-, 9- or 12-digit code. */
export function DivisionFilter(props: Props) {
  const { tree, loading } = useDivisionTree();
  const options = useMemo(() => toFilterOptions(tree), [tree]);
  return (
    <TreeSelect
      {...props}
      allowClear
      loading={loading}
      treeData={options}
      treeDefaultExpandedKeys={options.map((o) => o.value)}
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
    />
  );
}

/** Village picker for forms (antd Form passes id/value/onChange): only villages can be chosen. */
export function VillagePicker(props: Props) {
  const { tree, loading } = useDivisionTree();
  const options = useMemo(() => toVillageOptions(tree), [tree]);
  return (
    <TreeSelect
      {...props}
      loading={loading}
      treeData={options}
      treeDefaultExpandAll={options.length > 0 && countNodes(tree) <= 40}
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
    />
  );
}

const countNodes = (nodes: DivisionNode[]): number =>
  nodes.reduce((s, n) => s + 1 + countNodes(n.children ?? []), 0);

/** Picker of one level for forms: a town (9-digit value) or a village (12-digit value). */
export function DivisionLevelPicker({ level, ...props }: Props & { level: 'town' | 'village' }) {
  const { tree, loading } = useDivisionTree();
  const options = useMemo(() => toLevelOptions(tree, level), [tree, level]);
  const expandAll = level === 'town' || countNodes(tree) <= 40;
  return (
    <TreeSelect
      {...props}
      loading={loading}
      treeData={options}
      treeDefaultExpandAll={options.length > 0 && expandAll}
      treeDefaultExpandedKeys={options.map((o) => o.value)}
      treeExpandAction="click"
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
    />
  );
}
