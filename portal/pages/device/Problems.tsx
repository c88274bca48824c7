import type { JSX } from 'preact';
import type { DetectionView, Problem } from '../../../src/api';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SubmitButton } from '../../components/SubmitButton';
import { dateTime, t, tCount } from '../../i18n';
import { useAction } from '../../useAction';
import { CommandButton, type CommandTarget } from './CommandButton';

const problemKey = (problem: Problem) =>
  problem.kind === 'detection' ? `detection-${problem.detection.key}` : problem.kind;
const at = (ms: number) => dateTime(new Date(ms).toISOString());

interface ProblemsProps {
  problems: Problem[];
  target: CommandTarget;
  /** Reads the device again after detections were resolved (they leave the list). */
  onResolved(): Promise<void>;
}

/** The device's security problems, each with what fixes it: a command, a resolution, or an explanation. */
export function Problems({ problems, target, onResolved }: ProblemsProps): JSX.Element {
  return (
    <section aria-labelledby="problems-title">
      <h2 id="problems-title">{t('portal_device_problemsTitle')}</h2>
      {problems.length === 0 ? (
        <p class="notice success" data-testid="no-problems">
          {t('portal_device_noProblems')}
        </p>
      ) : (
        <ul class="list problems" data-testid="problems">
          {problems.map((problem) => (
            <li key={problemKey(problem)} data-testid="problem" data-kind={problem.kind}>
              <ProblemBody problem={problem} target={target} onResolved={onResolved} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ProblemBody({
  problem,
  target,
  onResolved,
}: {
  problem: Problem;
  target: CommandTarget;
  onResolved(): Promise<void>;
}): JSX.Element {
  switch (problem.kind) {
    case 'protectionOff':
    case 'databaseOutdated': {
      const id = `problem-${problem.kind}`;
      return (
        <>
          <p id={id} class="problem-text">
            {problem.kind === 'protectionOff'
              ? t('portal_device_problems_protectionOff')
              : tCount('portal_device_problems_databaseOutdated', problem.ageDays)}
          </p>
          <CommandButton
            {...target}
            command={problem.fix}
            label={t('portal_device_fix')}
            testId="fix"
            describedBy={id}
          />
        </>
      );
    }
    case 'proxyTakenOver':
      return (
        <>
          <p class="problem-text">{t('portal_device_problems_proxyTakenOver')}</p>
          <p class="muted" data-testid="proxy-help">
            {t('portal_device_problems_proxyTakenOverHelp')}
          </p>
        </>
      );
    case 'detection':
      return <Detection deviceId={target.deviceId} detection={problem.detection} onResolved={onResolved} />;
    case 'detectionGroup':
      return (
        <DetectionGroup
          deviceId={target.deviceId}
          count={problem.count}
          newestAt={problem.newestAt}
          onResolved={onResolved}
        />
      );
  }
}

function Detection({
  deviceId,
  detection,
  onResolved,
}: {
  deviceId: string;
  detection: DetectionView;
  onResolved(): Promise<void>;
}): JSX.Element {
  const resolve = useAction(async () => {
    // Read again even when refused: a list that grew past ten is resolved only as a group.
    try {
      await api.resolveDetections(deviceId, { keys: [detection.key] });
    } finally {
      await onResolved();
    }
  });
  return (
    <>
      <p class="problem-text">
        {detection.kind === 'page'
          ? t('portal_device_problems_detectionPage', [detection.threat])
          : t('portal_device_problems_detectionResource', [detection.threat])}
      </p>
      <dl class="facts">
        <dt>{t('portal_device_problems_address')}</dt>
        <dd class="url" data-testid="detection-url">
          {detection.url}
        </dd>
        <dt>{t('portal_device_problems_list')}</dt>
        <dd>{detection.list}</dd>
        <dt>{t('portal_device_problems_time')}</dt>
        <dd>{at(detection.at)}</dd>
      </dl>
      <SubmitButton
        type="button"
        variant="secondary"
        busy={resolve.busy}
        label={t('portal_device_problems_resolve')}
        onClick={() => void resolve.run()}
        testId="resolve-detection"
      />
      <ErrorNotice error={resolve.error} />
    </>
  );
}

function DetectionGroup({
  deviceId,
  count,
  newestAt,
  onResolved,
}: {
  deviceId: string;
  count: number;
  newestAt: number;
  onResolved(): Promise<void>;
}): JSX.Element {
  const resolve = useAction(async () => {
    // Read again even when refused: a list that grew past ten is resolved only as a group.
    try {
      await api.resolveDetections(deviceId, { all: true });
    } finally {
      await onResolved();
    }
  });
  return (
    <>
      <p class="problem-text" data-testid="detection-count" data-count={count}>
        {tCount('portal_device_problems_group', count)}
      </p>
      <p class="muted">
        {t('portal_device_problems_newest')}: {at(newestAt)}
      </p>
      <SubmitButton
        type="button"
        variant="secondary"
        busy={resolve.busy}
        label={t('portal_device_problems_resolveAll')}
        onClick={() => void resolve.run()}
        testId="resolve-all"
      />
      <ErrorNotice error={resolve.error} />
    </>
  );
}
