// A month picker whose value is YYYY-MM; months not yet ended cannot be chosen (§9.6: a month is
// assessed after its last day).
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

export function MonthPicker({
  value,
  onChange,
  testId,
}: {
  value: string;
  onChange: (m: string) => void;
  testId: string;
}) {
  return (
    <DatePicker
      picker="month"
      allowClear={false}
      value={dayjs(`${value}-01`)}
      disabledDate={(d) => !d.isBefore(dayjs().startOf('month'))}
      onChange={(d) => d && onChange(d.format('YYYY-MM'))}
      data-testid={testId}
    />
  );
}
