package dev.studybook.xhtml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.studybook.config.QuestionRules;
import dev.studybook.error.SourceLocation;
import dev.studybook.markdown.MarkdownRenderer;
import dev.studybook.model.ChapterBody;
import dev.studybook.model.Question;
import dev.studybook.testing.Snippets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rules by which conversion finds questions and cards, on Markdown snippets. */
class QuestionFinderTest {

    static List<Question> questions(String markdown, QuestionRules rules) {
        CleanChapter c = XhtmlCleaner.clean(MarkdownRenderer.toHtml(markdown), Snippets.references(new Snippets.Warnings()));
        return BookLinker.link(List.of(c), List.of("ch01"), Set.of(), (i, l, m) -> { }, rules,
                (i, line) -> SourceLocation.of(Path.of("ch.md"), line)).get(0).questions();
    }

    static List<String> described(String markdown) {
        return described(markdown, QuestionRules.DEFAULT);
    }

    static List<String> described(String markdown, QuestionRules rules) {
        return questions(markdown, rules).stream().map(QuestionFinderTest::describe).toList();
    }

    /** A question as "KIND prompt => answer" in plain text, with a cloze's blanks as [term]. */
    static String describe(Question q) {
        return q.kind() + " " + q.prompt().xhtml(new ChapterBody.Writer() {
            @Override
            public String link(ChapterBody.ChapterLink link) {
                return "";
            }

            @Override
            public String blank(ChapterBody.Blank blank) {
                return blank.end() ? "]" : "[";
            }
        }).replaceAll("<[^>]+>", "") + " => " + q.answer().toString().replaceAll("<[^>]+>", "");
    }

    @Test
    void boldParagraphsAreQuestionsAnsweredByWhatFollows() {
        List<Question> qs = questions("""
                # 标题

                ## 面试追问

                **问：为什么遍历是随机的？**

                一是规范。

                二是实现。

                **注意这一点**

                **问：第二个？**

                答二。

                ## 速记
                """, QuestionRules.DEFAULT);
        assertEquals(List.of("QUESTION 为什么遍历是随机的？ => 一是规范。二是实现。注意这一点",
                "QUESTION 第二个？ => 答二。"), qs.stream().map(QuestionFinderTest::describe).toList());
        assertEquals(List.of("面试追问"), qs.get(0).path());
        assertEquals(5, qs.get(0).location().line());
        assertEquals("为什么遍历是随机的？", qs.get(0).text());
    }

    @Test
    void subHeadingsAndListItemsEndingInAQuestionMark() {
        assertEquals(List.of("QUESTION 练习一 => 写一个程序。", "QUESTION 哪个更快？ => 前者。",
                        "QUESTION Why? => Because.", "QUESTION Another? => "),
                described("""
                        # T

                        ## Exercises

                        ### 练习一

                        写一个程序。

                        ## Questions

                        - 哪个更快？

                          前者。
                        - Why?

                          Because.
                        - Another?
                        """));
    }

    @Test
    void reviewBulletsBecomeFrontBackOrClozeCards() {
        assertEquals(List.of("FACT 结构 => Map → 目录 → group",
                        "CLOZE Go 1.24 起是 [Swiss table]（[internal/runtime/maps]） => ",
                        "FACT 进程是资源容器（独立地址空间）…… => 进程是资源容器（独立地址空间），线程是调度单位。"),
                described("""
                        # T

                        ## 速记

                        - 结构：`Map` → 目录 → group
                        - Go 1.24 起是 **Swiss table**（`internal/runtime/maps`）
                        - 进程是资源容器（独立地址空间），线程是调度单位。
                        - 一句话没有标记。
                        """));
    }

    @Test
    void aLabelWithAClauseBreakIsNotALabel() {
        assertEquals(List.of("CLOZE 先求值，再调用：[defer] 的顺序 => "), described("""
                # T

                ## 速记

                - 先求值，再调用：`defer` 的顺序
                """));
    }

    @Test
    void bookYamlNamesOtherSectionsAndPatterns() {
        QuestionRules rules = new QuestionRules(List.of("思考题"), Optional.of(Pattern.compile("^Q\\d+\\.")),
                Optional.of(List.of()));
        assertEquals(List.of("QUESTION 什么是 GMP => G、M、P。不是问题？"), described("""
                # T

                ## 思考题

                **Q1. 什么是 GMP**

                G、M、P。

                **不是问题？**

                ## 面试追问

                **问：不算？**

                ## 速记

                - 结构：不算
                """, rules));
    }

    @Test
    void aSubHeadingNamedLikeAQuestionSectionIsOneOfItsQuestions() {
        assertEquals(List.of("QUESTION 练习一 => 写。", "QUESTION 追问 => 再写。"), described("""
                # T

                ## 练习

                ### 练习一

                写。

                ### 追问

                再写。
                """));
    }

    @Test
    void aChapterWithoutQuestionSectionsHasNone() {
        assertEquals(List.of(), described("""
                # T

                ## 小结

                **问：这里不是问题区？**

                - 也不是？
                """));
    }

    @Test
    void answersLeaveOutIdsLinksIntoTheBookAndFootnoteReferences() {
        Question q = questions("""
                # T

                ## 面试追问

                **问：哪里？**

                见[上文](#t)和[官网](https://go.dev)[^1]。

                ```go
                func f() {}
                ```

                [^1]: 注。
                """, QuestionRules.DEFAULT).get(0);
        String a = q.answer().toString();
        assertEquals("<p>见上文和<a href=\"https://go.dev\" class=\"external\">官网</a>。</p>", a.substring(0, a.indexOf("</p>") + 4).replaceAll(" rel=\"[^\"]*\"", ""));
        Snippets.assertWellFormed(a);
        assertEquals(false, a.contains("id=\""), a);
        assertEquals(true, a.contains("<span class=\"k\">func</span>"), a);
    }

    @Test
    void aBulletWithManyTermsGivesAtMostFourCardsHidingNeighboursTogether() {
        Question q = questions("""
                # T

                ## 速记

                - 环形缓冲 `buf`、`sendx`、`recvx`、`qcount`、`dataqsiz` 和 `lock`
                """, QuestionRules.DEFAULT).get(0);
        assertEquals(Question.Kind.CLOZE, q.kind());
        assertEquals(3, q.blanks());
        String numbered = q.prompt().xhtml(new dev.studybook.model.ChapterBody.Writer() {
            @Override
            public String link(dev.studybook.model.ChapterBody.ChapterLink link) {
                return "";
            }

            @Override
            public String blank(dev.studybook.model.ChapterBody.Blank b) {
                return b.end() ? "]" : "[" + b.number() + ":";
            }
        }).replaceAll("<[^>]+>", "");
        assertEquals("环形缓冲 [1:buf]、[1:sendx]、[2:recvx]、[2:qcount]、[3:dataqsiz] 和 [3:lock]", numbered);
    }
}
