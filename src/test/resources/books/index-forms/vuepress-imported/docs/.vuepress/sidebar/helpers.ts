export const more = (children: string[]) => ({ text: "More", children });
