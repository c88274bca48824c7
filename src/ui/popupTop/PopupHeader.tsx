import { usePage } from '../pageContext';

const Gear = () => (
  <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
    <path
      fill="currentColor"
      d="M19.4 13a7.7 7.7 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.5 7.5 0 0 0-1.7-1L15 3h-4l-.4 2.9a7.5 7.5 0 0 0-1.7 1l-2.5-1-2 3.5L6.6 11a7.7 7.7 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1c.5.4 1.1.7 1.7 1L11 21h4l.4-2.9c.6-.3 1.2-.6 1.7-1l2.5 1 2-3.5-2.2-1.6zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z"
      transform="translate(-1 0)"
    />
  </svg>
);
const Person = () => (
  <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
    <circle cx="12" cy="8" r="4" fill="currentColor" />
    <path d="M4 21c.8-4.2 3.9-6.5 8-6.5s7.2 2.3 8 6.5z" fill="currentColor" />
  </svg>
);

interface Props {
  /** The signed-in account's address, shown as the account button's tooltip. */
  accountTitle?: string | undefined;
  onAccount(): void;
  onSettings(): void;
}

/** The popup's title row: the product's name, and one-click ways to the account and to the settings. */
export function PopupHeader({ accountTitle, onAccount, onSettings }: Props) {
  const { t } = usePage();
  return (
    <header>
      <img src="/icons/icon-48.png" alt="" width="24" height="24" />
      <h1>{t('extName')}</h1>
      <nav class="header-links">
        <button
          type="button"
          class="icon-button"
          data-testid="account-button"
          title={accountTitle ?? t('popupAccount')}
          onClick={onAccount}
        >
          <Person />
          <span>{t('popupAccount')}</span>
        </button>
        <button type="button" class="icon-button" data-testid="settings-button" onClick={onSettings}>
          <Gear />
          <span>{t('openSettings')}</span>
        </button>
      </nav>
    </header>
  );
}
