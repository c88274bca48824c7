import { useState } from 'preact/hooks';
import { fieldMessages, type FieldMessage } from '../src/fieldMessages';
import { selfHostedGatewaySchema, type SelfHostedGateway } from '../src/settings';
import { Button, Field, Notice, Select, TextInput, usePage } from '../src/ui';
import type { SectionProps } from './sectionProps';

const empty: SelfHostedGateway = { scheme: 'HTTPS', host: '', port: 443, username: '', password: '' };

const gatewayFields = {
  host: 'gatewayHost',
  port: 'gatewayPort',
  username: 'gatewayUsername',
  password: 'gatewayPassword',
} as const;

const schemes = [
  { value: 'HTTPS', label: 'HTTPS (TLS)' },
  { value: 'PROXY', label: 'HTTP' },
] as const;

/** A gateway the user runs: plain PROXY is allowed here only. Saving selects it as the region. */
export function SelfHostedGatewaySection({ settings, update }: SectionProps) {
  const { t } = usePage();
  const [draft, setDraft] = useState<SelfHostedGateway>(settings.selfHostedGateway ?? empty);
  const [problems, setProblems] = useState<FieldMessage[]>([]);
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<SelfHostedGateway>) => {
    setDraft({ ...draft, ...patch });
    setSaved(false);
  };

  const problemOf = (field: string) => problems.find((problem) => problem.field === field);
  const errorOf = (field: string) => {
    const problem = problemOf(field);
    return problem ? t(problem.messageKey, problem.substitutions) : null;
  };
  const invalid = (field: string) => problemOf(field) !== undefined || undefined;
  const others = problems.filter((problem) => !(problem.field in gatewayFields));

  const save = async (event: Event) => {
    event.preventDefault();
    const parsed = selfHostedGatewaySchema.safeParse(draft);
    if (!parsed.success) return setProblems(fieldMessages(parsed.error.issues, draft, gatewayFields));
    setProblems([]);
    setSaved(await update({ selfHostedGateway: parsed.data }));
  };
  const remove = async () => {
    if (await update({ selfHostedGateway: null })) setDraft(empty);
  };

  return (
    <form class="gateway-form" onSubmit={(e) => void save(e)} noValidate>
      <div class="form-grid">
        <Field id="gw-scheme" label={t('gatewayScheme')}>
          <Select
            id="gw-scheme"
            value={draft.scheme}
            options={schemes}
            onChange={(scheme) => set({ scheme })}
          />
        </Field>
        <Field id="gw-host" label={t('gatewayHost')} error={errorOf('host')} errorTestId="gateway-error-host">
          <TextInput
            id="gw-host"
            code
            aria-invalid={invalid('host')}
            value={draft.host}
            onValue={(host) => set({ host: host.trim() })}
          />
        </Field>
        <Field id="gw-port" label={t('gatewayPort')} error={errorOf('port')} errorTestId="gateway-error-port">
          <TextInput
            id="gw-port"
            type="number"
            min={1}
            max={65535}
            aria-invalid={invalid('port')}
            value={draft.port}
            onValue={(port) => set({ port: Number(port) })}
          />
        </Field>
        <Field
          id="gw-username"
          label={t('gatewayUsername')}
          error={errorOf('username')}
          errorTestId="gateway-error-username"
        >
          <TextInput
            id="gw-username"
            autocomplete="off"
            aria-invalid={invalid('username')}
            value={draft.username}
            onValue={(username) => set({ username })}
          />
        </Field>
        <Field
          id="gw-password"
          label={t('gatewayPassword')}
          error={errorOf('password')}
          errorTestId="gateway-error-password"
        >
          <TextInput
            id="gw-password"
            type="password"
            autocomplete="off"
            aria-invalid={invalid('password')}
            value={draft.password}
            onValue={(password) => set({ password })}
          />
        </Field>
      </div>
      {others.length > 0 ? (
        <Notice kind="error" testId="gateway-error">
          {others.map((problem) => (
            <p key={problem.field}>{t(problem.messageKey, problem.substitutions)}</p>
          ))}
        </Notice>
      ) : null}
      <div class="form-actions">
        <Button type="submit" id="gw-save">
          {t('gatewaySave')}
        </Button>
        {settings.selfHostedGateway ? (
          <Button variant="secondary" onClick={() => void remove()}>
            {t('gatewayRemove')}
          </Button>
        ) : null}
      </div>
      {saved ? (
        <Notice kind="success" testId="gateway-saved">
          {t('gatewaySaved')}
        </Notice>
      ) : null}
    </form>
  );
}
