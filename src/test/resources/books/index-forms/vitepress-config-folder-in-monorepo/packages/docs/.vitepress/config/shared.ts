import { defineConfig } from 'vitepress'

export const sharedConfig = defineConfig({
  title: 'Kettle',
  cleanUrls: true,
})
