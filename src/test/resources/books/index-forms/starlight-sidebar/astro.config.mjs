// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export const locales = {
	root: { label: 'English', lang: 'en' },
	de: { label: 'Deutsch', lang: 'de' },
};

export default defineConfig({
	integrations: [
		starlight({
			title: 'Lantern',
			locales,
			sidebar: [
				{
					label: 'Start Here',
					translations: { de: 'Beginne hier' },
					items: [
						'getting-started',
						{ label: 'Install it', slug: 'install' },
						{ label: 'Our forum', link: 'https://forum.example/' },
						{ label: 'Changelog', link: '/changelog/' },
					],
				},
				{ label: 'Guides', autogenerate: { directory: 'guides' } },
				{ label: 'Reference', items: [{ label: 'Options', link: '/reference/options/' }] },
			],
		}),
	],
});
