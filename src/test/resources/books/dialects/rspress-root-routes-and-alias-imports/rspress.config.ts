import { defineConfig } from '@rspress/core';

export default defineConfig({
  root: 'docs',
  title: 'Pond notes',
  lang: 'en',
  locales: [
    { lang: 'zh', label: '中文' },
    { lang: 'en', label: 'English' },
  ],
  route: {
    // Partials that pages import are no pages of their own.
    exclude: ['**/fragments/**'],
  },
});
