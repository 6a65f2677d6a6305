// Small pieces every server-paged worklist repeats: the "only overdue" switch and the pagination.
import { Space, Switch, type TablePaginationConfig } from 'antd';

export function OnlySwitch(props: {
  checked: boolean | undefined;
  onChange: (v: boolean) => void;
  label: string;
  'data-testid'?: string;
}) {
  return (
    <Space size={6}>
      <Switch
        checked={props.checked}
        onChange={props.onChange}
        aria-label={props.label}
        data-testid={props['data-testid']}
      />
      {props.label}
    </Space>
  );
}

/** Pagination of a list the server pages: fixed page size, the total in the caller's words. */
export function serverPaging(
  page: number,
  pageSize: number,
  total: number | undefined,
  onChange: (page: number) => void,
  showTotal: (n: number) => string,
): TablePaginationConfig {
  return { current: page, pageSize, total: total ?? 0, showSizeChanger: false, onChange, showTotal };
}
