import type { Settings, SettingsPatch } from '../src/settings';

export interface SectionProps {
  settings: Settings;
  update(patch: SettingsPatch): Promise<boolean>;
}
