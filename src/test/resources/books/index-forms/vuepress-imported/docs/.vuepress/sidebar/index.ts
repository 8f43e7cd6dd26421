import { sidebar } from "vuepress-theme-hope";
import { baking } from "./baking.js";
import { more } from "./helpers.js";

export default sidebar({
  // The more specific path first: the theme takes the first that matches.
  "/baking/": baking,
  "/": [
    "home",
    {
      text: "Knives",
      prefix: "knives/",
      children: ["sharpening", more(["storage", "care"])],
    },
  ],
});
