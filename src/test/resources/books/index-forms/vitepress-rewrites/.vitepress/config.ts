import { defineConfig } from 'vitepress'

export default defineConfig({
  title: 'Appliances',
  rewrites: {
    'packages/:pkg/src/(.*)': ':pkg/$1',
    'guide/start.md': 'index.md',
  },
  themeConfig: {
    sidebar: [
      { text: 'Start', link: '/' },
      {
        text: 'Appliances',
        items: [
          { text: 'Kettle', link: '/kettle/' },
          { text: 'Descaling', link: '/kettle/descaling' },
          { text: 'Toaster', link: '/toaster/index.md' },
        ],
      },
    ],
  },
})
