import { defineUserConfig } from "vuepress";
import { hopeTheme } from "vuepress-theme-hope";
import sidebar from "./sidebar.js";

export default defineUserConfig({
  title: "Computed notes",
  theme: hopeTheme({
    sidebar,
  }),
});
