import { defineUserConfig } from "vuepress";
import { hopeTheme } from "vuepress-theme-hope";

export default defineUserConfig({
  title: "Garden notes",
  theme: hopeTheme({
    navbar: [{ text: "Basics", link: "/basics/" }],
    sidebar: {
      "/basics/": ["", "soil"],
      "/zhuanlan/": ["", "compost"],
    },
  }),
});
