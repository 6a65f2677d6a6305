// One report table (§12.2 A–E): group headings over the official column headings with their units,
// a row per town and the total row; null cells ("cannot be derived yet") show as —.
import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { StatsTable, StatsTableRow } from '../../api/stats.ts';
import { useLang } from '../../lib/lang.ts';
import { cellText, columnGroups } from './statsModel.ts';

type Row = StatsTableRow & { total?: boolean };

export function StatsReportTable({
  table,
  unitTitle,
  totalTitle,
}: {
  table: StatsTable;
  unitTitle: string;
  totalTitle: string;
}) {
  const lang = useLang();
  const leaf = (key: string, title: string) => ({
    key,
    title,
    align: 'right' as const,
    width: 96,
    render: (_: unknown, r: Row) => cellText(r.values[key]),
  });
  const columns: ColumnsType<Row> = [
    { key: 'name', title: unitTitle, dataIndex: 'name', fixed: 'left', width: 140 },
    ...columnGroups(table, lang).map((g) =>
      g.columns.length === 1 && g.columns[0]!.title === g.title
        ? leaf(g.columns[0]!.key, g.title)
        : { key: g.title, title: g.title, children: g.columns.map((c) => leaf(c.key, c.title)) },
    ),
  ];
  const data: Row[] = [...table.rows, { code: 'total', name: totalTitle, values: table.total, total: true }];
  return (
    <Table<Row>
      size="small"
      bordered
      rowKey="code"
      columns={columns}
      dataSource={data}
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowClassName={(r) => (r.total ? 'stats-total-row' : '')}
      title={() => (lang === 'en' ? table.titleEn : table.title)}
      data-testid={`stats-table-${table.key}`}
    />
  );
}
