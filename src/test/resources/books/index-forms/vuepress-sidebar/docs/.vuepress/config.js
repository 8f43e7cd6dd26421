module.exports = {
  title: "面试笔记",
  description: "一份小小的测试书",
  themeConfig: {
    // sidebar: 'auto',
    sidebar: [
      {
        title: "基础篇",
        collapsable: false,
        children: [
          ["basics/closure", "什么是闭包？"],
          ["basics/this", "this 指向谁？"],
        ],
      },
      {
        title: "进阶篇",
        children: ["advanced"],
      },
    ],
  },
};
