import { defineConfig } from 'vitepress'

export default defineConfig({
  title: 'Widgets',
  srcDir: 'src',
  themeConfig: {
    sidebar: [
      { text: 'Guide', items: [{ text: 'Testing', link: '/guide/testing' }] }
    ]
  }
})
