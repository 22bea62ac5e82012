// The answers to one item, two ways: a bar chart (a figure whose caption names the item; each bar has its answer
// written beside it and its count and share after it, so nothing depends on colour; screen readers get one summary
// sentence) and a data table with the same numbers.
import { useTranslation } from 'react-i18next';
import type { ItemResult } from '#shared/events/evaluation.schema.ts';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';
import { BarFigure, barsSummary, type Bar } from './bar-figure.tsx';

function useFormats() {
  const { t, i18n } = useTranslation('event-evaluation');
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const valueLabel = (item: ItemResult, value: string) => t(`scale.${item.scale}.${value}`);
  const total = (item: ItemResult) => item.counts.reduce((sum, c) => sum + c.count, 0);
  const share = (item: ItemResult, count: number) => (total(item) > 0 ? percent.format(count / total(item)) : percent.format(0));
  return { t, decimal, valueLabel, share, total };
}

function ItemMeta({ item }: { item: ItemResult }) {
  const { t, decimal } = useFormats();
  return (
    <span className="hint">
      {t('results.answers', { count: item.n })}
      {item.mean !== null && ` · ${t('results.mean', { mean: decimal.format(item.mean) })}`}
    </span>
  );
}

export function ItemChart({ item }: { item: ItemResult }) {
  const { t, valueLabel, share, total } = useFormats();
  const label = t(`items.${item.key}`);
  const caption = (
    <>
      <span className="evaluation-chart-item">{label}</span> <ItemMeta item={item} />
    </>
  );
  if (total(item) === 0) {
    return (
      <figure className="evaluation-chart">
        <figcaption>{caption}</figcaption>
        <p>{t('results.noAnswers')}</p>
      </figure>
    );
  }
  const bars: Bar[] = item.counts.map((c) => ({ key: c.value, label: valueLabel(item, c.value), count: c.count, text: `${c.count} (${share(item, c.count)})` }));
  const summary = t('results.chartSummary', { item: label, answers: `(${t('results.answers', { count: item.n })})`, values: barsSummary(bars) });
  return <BarFigure caption={caption} summary={summary} bars={bars} />;
}

export function ItemTable({ item }: { item: ItemResult }) {
  const { t, valueLabel, share } = useFormats();
  const label = t(`items.${item.key}`);
  return (
    <TableWrap label={label} stack={false}>
      <table className="count-table evaluation-table">
        <caption>
          {label} <ItemMeta item={item} />
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('results.tableAnswer')}</th>
            <th scope="col" className="numeric">
              {t('results.tablePeople')}
            </th>
            <th scope="col" className="numeric">
              {t('results.tableShare')}
            </th>
          </tr>
        </thead>
        <tbody>
          {item.counts.map((c) => (
            <tr key={c.value}>
              <th scope="row">{valueLabel(item, c.value)}</th>
              <td className="numeric">{c.count}</td>
              <td className="numeric">{share(item, c.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
