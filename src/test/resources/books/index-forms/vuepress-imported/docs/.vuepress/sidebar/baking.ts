const BREAD = "Bread";

export const baking = [
  { text: BREAD, prefix: "bread/", children: ["sourdough", "rye"] },
  "cakes",
];
