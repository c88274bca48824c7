import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { DEVICE_NAME_MAX_LENGTH, renameDeviceRequest } from '../../src/api';
import { api } from '../api';
import { t } from '../i18n';
import { useAction } from '../useAction';
import { requireValid } from '../validate';
import { ErrorNotice } from './ErrorNotice';
import { Field } from './Field';
import { SubmitButton } from './SubmitButton';

interface RenameProps {
  deviceId: string;
  /** What the device is called now (the field starts with it). */
  name: string;
  onRenamed(name: string): void | Promise<void>;
}

/** "Rename", then a one-field form in place; the name is checked here first, in the service's own words. */
export function RenameDevice({ deviceId, name, onRenamed }: RenameProps): JSX.Element {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(name);
  const save = useAction(async () => {
    requireValid(renameDeviceRequest, { name: value }, { name: 'deviceName' });
    const renamed = await api.renameDevice(deviceId, value);
    setEditing(false);
    await onRenamed(renamed.name ?? value.trim());
  });
  if (!editing) {
    return (
      <button
        type="button"
        class="secondary"
        onClick={() => (setValue(name), save.setError(null), setEditing(true))}
        data-testid="rename"
      >
        {t('portal_devices_rename')}
        <span class="visually-hidden"> “{name}”</span>
      </button>
    );
  }
  const fieldId = `rename-${deviceId}`;
  return (
    <form
      class="rename"
      onSubmit={(event) => (event.preventDefault(), void save.run())}
      noValidate
      data-testid="rename-form"
    >
      <Field
        id={fieldId}
        label={t('portal_devices_renameLabel')}
        value={value}
        onInput={setValue}
        autoComplete="off"
        invalid={save.error?.names('name')}
        describedBy={`${fieldId}-hint`}
      >
        <p id={`${fieldId}-hint`} class="muted">
          {t('portal_devices_renameHint', [String(DEVICE_NAME_MAX_LENGTH)])}
        </p>
      </Field>
      <ErrorNotice error={save.error} />
      <div class="actions">
        <SubmitButton busy={save.busy} label={t('portal_devices_renameSave')} testId="rename-save" />
        <button type="button" class="secondary" disabled={save.busy} onClick={() => setEditing(false)}>
          {t('portal_devices_cancel')}
        </button>
      </div>
    </form>
  );
}
