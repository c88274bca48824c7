import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { activateRequest, activationCodeShape } from '../../src/api';
import { api } from '../api';
import { ErrorNotice, SuccessNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { SubmitButton } from '../components/SubmitButton';
import { dateOnly, strings } from '../strings';
import { useAction } from '../useAction';
import { useLoad } from '../useLoad';
import { requireValid } from '../validate';

export function Subscription(): JSX.Element {
  const { state, reload } = useLoad(api.subscription);
  const [code, setCode] = useState('');
  const [activated, setActivated] = useState(false);
  const activate = useAction(async () => {
    setActivated(false);
    requireValid(activateRequest, { code }, { code: 'activationCode' });
    await api.activate(code);
    setCode('');
    setActivated(true);
    await reload();
  });
  return (
    <section>
      <PageTitle>{strings.subscription.title}</PageTitle>
      {state.status === 'loading' ? <p role="status">{strings.loading}</p> : null}
      {state.status === 'failed' ? <ErrorNotice error={state.error} /> : null}
      {state.status === 'ready' ? (
        <dl class="facts" data-testid="subscription">
          <dt>{strings.subscription.plan}</dt>
          <dd data-testid="plan">{strings.subscription.tiers[state.value.tier]}</dd>
          <dt>{strings.subscription.expires}</dt>
          <dd>
            {state.value.expiresAt === null ? strings.subscription.noExpiry : dateOnly(state.value.expiresAt)}
          </dd>
          <dt>{strings.subscription.devices}</dt>
          <dd>{strings.subscription.devicesUsed(state.value.devicesUsed, state.value.deviceLimit)}</dd>
        </dl>
      ) : null}
      <h2>{strings.subscription.activateTitle}</h2>
      <form onSubmit={(event) => (event.preventDefault(), void activate.run())} noValidate>
        <Field
          id="activation-code"
          invalid={activate.error?.names('code')}
          label={strings.fields.activationCode}
          autoComplete="off"
          value={code}
          onInput={setCode}
          describedBy="activation-hint"
        >
          <p id="activation-hint" class="muted">
            {strings.subscription.activateHint(activationCodeShape)}
          </p>
        </Field>
        <ErrorNotice error={activate.error} />
        {activated ? <SuccessNotice>{strings.subscription.activated}</SuccessNotice> : null}
        <SubmitButton busy={activate.busy} label={strings.subscription.activate} />
      </form>
    </section>
  );
}
