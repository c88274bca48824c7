import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { TrafficReport } from '../../src/api';
import { api } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageTitle } from '../components/PageTitle';
import { t } from '../i18n';
import { useLoad } from '../useLoad';
import { DailyTable, TotalsTable } from './traffic/TrafficTables';

type Chart = ComponentType<{ report: TrafficReport }>;

/** The secure traffic report: a stacked chart of the last 30 days, and the same figures as tables. */
export function Traffic(): JSX.Element {
  const { state } = useLoad(api.traffic);
  const hasTraffic = state.status === 'ready' && state.value.totalBytes > 0;
  return (
    <section>
      <PageTitle>{t('portal_traffic_title')}</PageTitle>
      <p class="muted">{t('portal_traffic_intro')}</p>
      {state.status === 'loading' ? <p role="status">{t('portal_loading')}</p> : null}
      {state.status === 'failed' ? <ErrorNotice error={state.error} /> : null}
      {state.status === 'ready' && !hasTraffic ? (
        <p class="notice info" data-testid="traffic-empty">
          {t('portal_traffic_empty')}
        </p>
      ) : null}
      {state.status === 'ready' && hasTraffic ? (
        <>
          <ChartArea report={state.value} />
          <TotalsTable report={state.value} />
          <DailyTable report={state.value} />
        </>
      ) : null}
    </section>
  );
}

function ChartArea({ report }: { report: TrafficReport }): JSX.Element {
  const [chart, setChart] = useState<{ Chart: Chart } | 'failed' | null>(null);
  useEffect(() => {
    let live = true;
    import('./traffic/TrafficChart').then(
      (module) => live && setChart({ Chart: module.TrafficChart }),
      () => live && setChart('failed'),
    );
    return () => void (live = false);
  }, []);
  return (
    <figure
      class="traffic-chart"
      data-testid="traffic-chart"
      role="img"
      aria-label={t('portal_traffic_chartLabel')}
    >
      {chart === null ? <p role="status">{t('portal_loading')}</p> : null}
      {chart === 'failed' ? <p class="notice info">{t('portal_traffic_chartFailed')}</p> : null}
      {chart !== null && chart !== 'failed' ? <chart.Chart report={report} /> : null}
    </figure>
  );
}
