import type { DefaultTheme, LocaleSpecificConfig } from 'vitepress'

export const enConfig: LocaleSpecificConfig<DefaultTheme.Config> = {
  description: 'Boil water.',
  themeConfig: {
    sidebar: [
      {
        text: 'Guide',
        items: [
          { text: 'Filling', link: '/guide/filling.html' },
          { text: 'Boiling', link: '/guide/' },
        ],
      },
    ],
  },
}
