import { navbar } from "vuepress-theme-hope";

export default navbar([
  { text: "Basics", link: "/home.md" },
  { text: "Baking", link: "/baking/" },
]);
