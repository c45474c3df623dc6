/**
 * What replaces personal data and staff remarks in what a kiosk (a public screen) receives.
 * Its own module so handler families can redact without importing the views.
 */
export const REDACTED = '';
