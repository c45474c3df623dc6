import type { Language, Need } from '../../../core/index.ts';

export const NEED_SHORT: Record<Need, string> = {
  water: 'Water',
  food: 'Food',
  blanket: 'Blanket',
  hotel: 'Hotel',
  medical: 'Medical',
  mobility: 'Mobility',
  baby: 'Baby',
  medication_diet: 'Medication/diet',
  charging: 'Charging',
  rebooking: 'Rebooking',
  other: 'Other',
};

export const LANGUAGE_NAME: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  de: 'Deutsch',
  it: 'Italiano',
  ar: 'العربية',
  zh: '中文',
};
