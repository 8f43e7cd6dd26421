#!/usr/bin/env python3
"""Writes a deterministic Chinese technical book of about SIZE bytes of Markdown for bench/run.

    bench/gen_book.py --size 1000000 --out DIR [--seed 7] [--title TITLE] [--name NAME]

DIR receives book.yaml, README.md (the index page linking every chapter, in order), chNNN.md
chapters of 25-55 KB each (the size of the chapters in content/), and images/ with a small PNG and
an SVG drawn here. The prose is built from a fixed vocabulary; with the same arguments the output is
byte-identical on every machine and Python 3 version (only random.Random with an integer seed, no
hash ordering). Standard library only.
"""

import argparse
import os
import random
import struct
import sys
import zlib

# ---------------------------------------------------------------------------------------------------
# Vocabulary. Everything is common simplified Chinese that Noto Serif/Sans SC cover.

SUBJECTS = [
    "调度器", "垃圾回收器", "运行时", "编译器", "内存分配器", "哈希表", "切片", "通道", "互斥锁",
    "读写锁", "协程", "工作线程", "处理器", "写屏障", "逃逸分析", "栈扩容", "接口值", "方法集",
    "类型断言", "反射包", "上下文", "定时器", "网络轮询器", "系统调用", "内联优化", "边界检查",
    "字符串拼接", "缓冲区", "标准库", "测试框架", "基准测试", "性能剖析", "竞态检测器", "模块系统",
    "依赖管理", "构建缓存", "链接器", "汇编器", "闭包", "延迟调用", "恐慌恢复", "错误链", "泛型约束",
    "类型参数", "零值", "指针", "数组", "结构体", "空接口", "本地队列", "全局队列", "空闲列表",
]
VERBS = [
    "负责", "决定", "影响", "保护", "维护", "记录", "检查", "分配", "回收", "复用", "唤醒", "阻塞",
    "调度", "扫描", "标记", "清除", "拷贝", "转移", "拆分", "合并", "缓存", "预取", "比较", "遍历",
    "追踪", "限制", "放大", "降低", "隐藏", "暴露", "推迟", "提前", "串行化", "并行化", "批量处理",
]
OBJECTS = [
    "每一次写入", "全部存活对象", "堆上的内存", "栈上的局部变量", "等待中的协程", "空闲的线程",
    "共享的数据", "哈希桶里的元素", "底层数组", "长度和容量", "只读的字符串", "错误的返回值",
    "延迟执行的函数", "被阻塞的发送方", "缓冲区中的数据", "标记阶段的工作", "调度循环", "定时任务",
    "系统调用的开销", "缓存行的争用", "内存屏障", "原子操作", "锁的持有时间", "热点路径",
    "分配的次数", "拷贝的字节数", "上下文切换", "指令流水线", "分支预测", "页表映射",
]
ADVERBS = [
    "在大多数情况下", "通常", "只在必要时", "每隔一段时间", "在高并发场景下", "从 Go 1.14 起",
    "在默认配置下", "一旦负载升高", "当内存紧张时", "在基准测试里", "在生产环境中", "第一次调用时",
    "在循环内部", "在程序退出前", "在编译期", "在运行期", "相比旧版本", "按照源码的注释",
]
CONNECTIVES = [
    "因此", "所以", "然而", "不过", "换句话说", "与此同时", "另一方面", "更重要的是", "反过来",
    "也就是说", "举例来说", "需要注意的是", "归根结底", "这样一来", "由此可见",
]
CLAUSE_TAILS = [
    "这是面试中最容易被追问的地方", "这一点在源码里写得很清楚", "这也是性能差异的主要来源",
    "初学者常常在这里踩坑", "理解它需要先看数据结构", "文档没有明确承诺这个行为",
    "实测结果与理论分析一致", "具体数字会随版本变化", "正确的做法是先测量再优化",
    "这个设计兼顾了吞吐量和延迟", "它的代价是更多的内存", "这条规则没有例外",
]
TITLE_TOPICS = [
    "内存模型", "调度原理", "垃圾回收", "并发原语", "切片与数组", "哈希表实现", "通道与选择",
    "接口与反射", "错误处理", "泛型设计", "性能剖析", "逃逸分析", "栈管理", "定时器实现",
    "网络轮询", "系统调用", "字符串处理", "延迟调用", "上下文传递", "测试与基准", "模块与构建",
    "内联与优化", "原子操作", "锁的实现",
]
TITLE_ASPECTS = [
    "的底层结构", "的常见误区", "的演进历史", "的源码解读", "的实战技巧", "的面试追问",
    "的性能分析", "的设计取舍", "的边界情况", "的最佳实践",
]
SECTION_NAMES = [
    "答案框架", "原理拆解", "数据结构", "关键流程", "源码走读", "实战避坑", "性能对比",
    "面试追问", "版本差异", "常见误区", "小结", "速记", "延伸阅读", "动手实验",
]
IDENTS = [
    "sched", "mheap", "mcache", "hchan", "sudog", "gobuf", "mspan", "bucket", "table", "group",
    "ctrl", "slot", "worker", "queue", "buffer", "builder", "cursor", "handler", "pool", "cache",
    "tracker", "limiter", "batch", "entry", "record", "result", "signal", "ticker", "state", "token",
]
TYPES = ["int", "int64", "uint32", "string", "[]byte", "bool", "float64", "time.Duration", "error",
         "map[string]int", "[]string", "chan int", "*sync.Mutex", "uintptr"]
INLINE_CODE = [
    "sync.Mutex", "sync.RWMutex", "sync.Map", "runtime.Gosched()", "GOMAXPROCS", "make(map[K]V)",
    "append", "copy", "len(s)", "cap(s)", "select", "context.WithTimeout", "errors.Is",
    "strings.Builder", "bytes.Buffer", "go test -race", "go tool pprof", "defer", "recover()",
    "unsafe.Pointer", "atomic.Int64", "time.AfterFunc", "runtime.GC()", "GOGC", "GOMEMLIMIT",
]


def sentence(r):
    s = f"{r.choice(ADVERBS)}，{r.choice(SUBJECTS)}{r.choice(VERBS)}{r.choice(OBJECTS)}"
    roll = r.random()
    if roll < 0.25:
        s += f"，{r.choice(CONNECTIVES)}`{r.choice(INLINE_CODE)}`{r.choice(VERBS)}{r.choice(OBJECTS)}"
    elif roll < 0.45:
        s += f"，**{r.choice(CLAUSE_TAILS)}**"
    elif roll < 0.70:
        s += f"，{r.choice(CONNECTIVES)}{r.choice(SUBJECTS)}会{r.choice(VERBS)}{r.choice(OBJECTS)}"
    elif roll < 0.80:
        s += f"（大约 {r.randint(2, 97)}% 的情况），{r.choice(CLAUSE_TAILS)}"
    else:
        s += f"，{r.choice(CLAUSE_TAILS)}"
    return s + "。"


def is_han(ch):
    return "\u4e00" <= ch <= "\u9fff"


def paragraph(r, n=None):
    text = "".join(sentence(r) for _ in range(n or r.randint(3, 7)))
    if r.random() < 0.3:
        # Hard-wrapped source, as many editors write it: the line breaks fall between two Chinese
        # characters and must not become spaces.
        lines, width, start = [], r.randint(36, 60), 0
        for i in range(1, len(text) - 1):
            if i - start >= width and is_han(text[i - 1]) and is_han(text[i]) \
                    and text[start:i].count("`") % 2 == 0 and text[start:i].count("**") % 2 == 0:
                lines.append(text[start:i])
                start = i
        lines.append(text[start:])
        text = "\n".join(lines)
    return text


def go_code(r):
    name = r.choice(IDENTS)
    typ = name.capitalize()
    fields = r.sample(IDENTS, r.randint(3, 6))
    out = ["```go", "package main", "", "import (", '\t"fmt"', '\t"sync"', ")", "",
           f"// {typ} 是本节示例用到的{r.choice(SUBJECTS)}的简化模型。", f"type {typ} struct {{"]
    width = max(len(f) for f in fields + ["mu"])
    for f in fields:
        out.append(f"\t{f.ljust(width)} {r.choice(TYPES)} // {r.choice(OBJECTS)}")
    out += [f"\t{'mu'.ljust(width)} sync.Mutex", "}", ""]
    kind = r.randrange(3)
    if kind == 0:
        out += [f"func (x *{typ}) Add(n int) int {{", "\tx.mu.Lock()", "\tdefer x.mu.Unlock()",
                "\ttotal := 0", "\tfor i := 0; i < n; i++ {",
                f"\t\tif i%{r.randint(2, 9)} == 0 {{", "\t\t\tcontinue", "\t\t}",
                "\t\ttotal += i", "\t}", "\treturn total", "}", "",
                "func main() {", f"\tx := &{typ}{{}}",
                f'\tfmt.Println("{name}:", x.Add({r.randint(10, 1000)}))', "}"]
    elif kind == 1:
        out += ["func main() {", f"\tch := make(chan int, {r.randint(0, 16)})",
                "\tvar wg sync.WaitGroup", f"\tfor w := 0; w < {r.randint(2, 8)}; w++ {{",
                "\t\twg.Add(1)", "\t\tgo func(id int) {", "\t\t\tdefer wg.Done()",
                f"\t\t\tch <- id * {r.randint(2, 50)}", "\t\t}(w)", "\t}",
                "\tgo func() { wg.Wait(); close(ch) }()", "\tsum := 0",
                "\tfor v := range ch {", "\t\tsum += v", "\t}",
                f'\tfmt.Printf("{name} sum=%d\\n", sum) // 输出顺序不固定，总和固定', "}"]
    else:
        out += [f"func build{typ}(keys []string) map[string]int {{",
                "\tm := make(map[string]int, len(keys))", "\tfor i, k := range keys {",
                "\t\tif _, ok := m[k]; ok {", "\t\t\tcontinue // 重复的 key 只保留第一次出现的位置",
                "\t\t}", "\t\tm[k] = i", "\t}", "\treturn m", "}", "",
                "func main() {",
                f'\tm := build{typ}([]string{{"{r.choice(IDENTS)}", "{r.choice(IDENTS)}", "{r.choice(IDENTS)}"}})',
                '\tfmt.Println(len(m), m)', "}"]
    out.append("```")
    return "\n".join(out)


def table(r):
    cols = r.randint(3, 4)
    head = ["场景", "做法", "开销", "备注"][:cols]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * cols]
    for _ in range(r.randint(4, 8)):
        cells = [r.choice(SUBJECTS), f"`{r.choice(INLINE_CODE)}`", f"{r.randint(1, 900)} ns/op",
                 r.choice(CLAUSE_TAILS)][:cols]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def bullet_list(r, ordered=False):
    items = []
    for i in range(r.randint(3, 6)):
        mark = f"{i + 1}." if ordered else "-"
        items.append(f"{mark} **{r.choice(SUBJECTS)}**：{sentence(r)}")
    return "\n".join(items)


def chapter(r, num, title, budget):
    parts = [f"# {title}", paragraph(r, 3)]
    footnotes = []
    sec = 0
    image_done = num % 5 != 1   # every fifth chapter shows the two pictures
    size = 0
    while size < budget:
        sec += 1
        parts.append(f"## {sec}. {r.choice(SECTION_NAMES)}：{r.choice(SUBJECTS)}")
        for sub in range(r.randint(1, 3)):
            parts.append(f"### {sec}.{sub + 1} {r.choice(SUBJECTS)}{r.choice(TITLE_ASPECTS)}")
            for _ in range(r.randint(1, 3)):
                parts.append(paragraph(r))
            roll = r.random()
            if roll < 0.65:
                parts.append(go_code(r))
                parts.append(paragraph(r, 2))
            elif roll < 0.78:
                parts.append(table(r))
            elif roll < 0.88:
                parts.append(bullet_list(r, ordered=r.random() < 0.5))
            elif roll < 0.94:
                parts.append("> 💡 " + paragraph(r, 2).replace("\n", "\n> "))
            else:
                n = len(footnotes) + 1
                parts.append(paragraph(r, 2) + f"[^n{n}]")
                footnotes.append(f"[^n{n}]: {sentence(r)}")
            if not image_done and sec >= 2:
                parts.append(f"![示意图：{r.choice(SUBJECTS)}与{r.choice(SUBJECTS)}的关系]"
                             f"(images/diagram.svg)")
                parts.append(f"![柱状图：{r.choice(OBJECTS)}的分布](images/chart.png)")
                image_done = True
        if num > 1 and r.random() < 0.3:
            other = r.randint(1, num - 1)
            parts.append(f"相关内容见[第 {other} 章](ch{other:03d}.md)。")
        size = sum(len(p.encode("utf-8")) + 2 for p in parts)
    parts += footnotes
    return "\n\n".join(parts) + "\n"


# ---------------------------------------------------------------------------------------------------
# Images.

def png(width, height, pixel):
    raw = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def chart_pixel(x, y):
    bars = [70, 40, 85, 55, 25, 65]
    i = x // 40
    if x % 40 >= 8 and i < len(bars) and 120 - y <= bars[i]:
        return (40 + i * 30, 90 + i * 20, 200 - i * 20)
    return (255, 255, 255) if y % 30 else (210, 210, 210)


SVG = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="480" height="160" viewBox="0 0 480 160">
  <rect x="0" y="0" width="480" height="160" fill="#ffffff"/>
  <rect x="20" y="40" width="120" height="80" rx="8" fill="#dce8f5" stroke="#2b5d8c" stroke-width="2"/>
  <rect x="180" y="40" width="120" height="80" rx="8" fill="#e6f2dc" stroke="#3c7a2a" stroke-width="2"/>
  <rect x="340" y="40" width="120" height="80" rx="8" fill="#f7e7d4" stroke="#9a5b16" stroke-width="2"/>
  <path d="M140 80 H180 M300 80 H340" stroke="#333333" stroke-width="2"/>
  <path d="M172 74 L180 80 L172 86 M332 74 L340 80 L332 86" fill="none" stroke="#333333" stroke-width="2"/>
  <text x="80" y="86" font-family="sans-serif" font-size="16" text-anchor="middle">G</text>
  <text x="240" y="86" font-family="sans-serif" font-size="16" text-anchor="middle">M</text>
  <text x="400" y="86" font-family="sans-serif" font-size="16" text-anchor="middle">P</text>
</svg>
"""


# ---------------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, required=True, help="target bytes of Markdown (chapters + index)")
    ap.add_argument("--out", required=True, help="folder to write (created; must be empty or absent)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--title", default=None)
    ap.add_argument("--name", default="bench-book", help="book.yaml filename (output base name)")
    a = ap.parse_args()
    if a.size < 10_000:
        sys.exit("gen_book.py: --size must be at least 10000 bytes")
    if os.path.isdir(a.out) and os.listdir(a.out):
        sys.exit(f"gen_book.py: {a.out} is not empty")
    os.makedirs(os.path.join(a.out, "images"), exist_ok=True)
    title = a.title or f"Go 运行时基准样书（{a.size / 1e6:g} MB）"

    r = random.Random(a.seed)
    titles, total = [], 0
    while total < a.size - 4_000:
        i = len(titles) + 1
        budget = min(r.randint(25_000, 55_000), max(a.size - total, 8_000))
        t = f"第 {i} 章 {r.choice(TITLE_TOPICS)}{r.choice(TITLE_ASPECTS)}"
        titles.append(t)
        text = chapter(r, i, t, budget)
        total += len(text.encode("utf-8"))
        with open(os.path.join(a.out, f"ch{i:03d}.md"), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    count = len(titles)

    index = [f"# {title}", "",
             f"本书由 `bench/gen_book.py` 生成（种子 {a.seed}），共 {count} 章，用于测量 studybook 的速度与内存。"
             "正文由固定词表随机组合而成，只求篇幅与结构接近真实的技术书，不求文意通顺。", "",
             "## 目录", ""]
    index += [f"- [{t}](ch{i:03d}.md)" for i, t in enumerate(titles, 1)]
    with open(os.path.join(a.out, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(index) + "\n")
    with open(os.path.join(a.out, "book.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(f"title: {title}\nauthors:\n  - studybook bench\nlanguage: zh-CN\n"
                f"identifier: urn:uuid:00000000-0000-4000-8000-{(a.seed * 1_000_003 + a.size) % 16 ** 12:012x}\n"
                f"date: 2026-01-01\nfilename: {a.name}\n")
    with open(os.path.join(a.out, "images", "chart.png"), "wb") as f:
        f.write(png(240, 120, chart_pixel))
    with open(os.path.join(a.out, "images", "diagram.svg"), "w", encoding="utf-8", newline="\n") as f:
        f.write(SVG)


if __name__ == "__main__":
    main()
