import { defineConfigWithTheme } from 'vitepress'
import type { Config } from './theme'

// sidebar: ['/not/this/one'] — a comment, not the sidebar
const nav: Config['nav'] = [
  { text: 'Guide', activeMatch: `^/guide/`, link: '/guide/start' },
  { text: 'API', link: '/api/' }
]

/* A block comment with a quote ' and a brace { that must not count. */
const pattern = /['"{]+/g

export const sidebar: Config['sidebar'] = {
  '/guide/': [
    {
      text: 'Getting started',
      items: [
        { text: 'Start here', link: '/guide/start' },
        { text: "Install (\"quick\")", link: '/guide/install.html#top' }
      ]
    },
    {
      text: `Going further`,
      collapsed: true,
      items: [{ text: 'Deeper', link: '/guide/deeper' }]
    }
  ],
  '/api/': [
    { text: 'Reference', link: '/api/' },
    { text: 'Start again', link: '/guide/start' },
    { text: 'Elsewhere', link: 'https://example.org/' }
  ]
}

export default defineConfigWithTheme<Config>({
  title: 'Site notes',
  lang: 'en-US',
  srcDir: 'src',
  markdown: { config: (md) => md.use(x, { re: /`/ }) },
  themeConfig: {
    nav,
    sidebar,
    footer: { message: `built ${new Date().getFullYear()}` }
  }
})
