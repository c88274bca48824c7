import { useState } from 'preact/hooks';
import { fieldMessages, type FieldMessage } from '../src/fieldMessages';
import { selfHostedGatewaySchema, type SelfHostedGateway } from '../src/settings';
import { usePage } from '../src/ui';
import type { SectionProps } from './sectionProps';

const empty: SelfHostedGateway = { scheme: 'HTTPS', host: '', port: 443, username: '', password: '' };

const gatewayFields = {
  host: 'gatewayHost',
  port: 'gatewayPort',
  username: 'gatewayUsername',
  password: 'gatewayPassword',
} as const;

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

  const invalid = (field: string) => problems.some((problem) => problem.field === field) || undefined;

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
    <section aria-labelledby="gateway-heading">
      <h2 id="gateway-heading">{t('sectionSelfHosted')}</h2>
      <p class="muted">{t('selfHostedHint')}</p>
      <form class="gateway-form" onSubmit={(e) => void save(e)}>
        <label>
          {t('gatewayScheme')}
          <select
            id="gw-scheme"
            value={draft.scheme}
            onChange={(e) => set({ scheme: e.currentTarget.value as 'HTTPS' | 'PROXY' })}
          >
            <option value="HTTPS">HTTPS (TLS)</option>
            <option value="PROXY">HTTP</option>
          </select>
        </label>
        <label>
          {t('gatewayHost')}
          <input
            id="gw-host"
            aria-invalid={invalid('host')}
            type="text"
            value={draft.host}
            onInput={(e) => set({ host: e.currentTarget.value.trim() })}
          />
        </label>
        <label>
          {t('gatewayPort')}
          <input
            id="gw-port"
            aria-invalid={invalid('port')}
            type="number"
            min={1}
            max={65535}
            value={draft.port}
            onInput={(e) => set({ port: Number(e.currentTarget.value) })}
          />
        </label>
        <label>
          {t('gatewayUsername')}
          <input
            id="gw-username"
            aria-invalid={invalid('username')}
            type="text"
            autocomplete="off"
            value={draft.username}
            onInput={(e) => set({ username: e.currentTarget.value })}
          />
        </label>
        <label>
          {t('gatewayPassword')}
          <input
            id="gw-password"
            aria-invalid={invalid('password')}
            type="password"
            autocomplete="off"
            value={draft.password}
            onInput={(e) => set({ password: e.currentTarget.value })}
          />
        </label>
        <div class="row">
          <button type="submit" id="gw-save">
            {t('gatewaySave')}
          </button>
          {settings.selfHostedGateway ? (
            <button type="button" class="secondary" onClick={() => void remove()}>
              {t('gatewayRemove')}
            </button>
          ) : null}
        </div>
      </form>
      {problems.length > 0 ? (
        <div class="notice error" role="alert" data-testid="gateway-error">
          {problems.map((problem) => (
            <p key={problem.field}>{t(problem.messageKey, problem.substitutions)}</p>
          ))}
        </div>
      ) : null}
      {saved ? (
        <p class="notice success" data-testid="gateway-saved">
          {t('gatewaySaved')}
        </p>
      ) : null}
    </section>
  );
}
