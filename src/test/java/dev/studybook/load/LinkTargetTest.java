package dev.studybook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LinkTargetTest {

    private static LinkTarget parse(String s) {
        return LinkTarget.parse(s).orElseThrow(() -> new AssertionError("not local: " + s));
    }

    @Test
    void relativePathWithFragmentAndQuery() {
        LinkTarget t = parse("images/a.png?raw=true#x");
        assertEquals("images/a.png", t.path());
        assertEquals("x", t.fragment());
        assertEquals(LinkTarget.Kind.RELATIVE, t.kind());
    }

    @Test
    void percentEncodedChineseSpacesAndFullWidthPunctuationAreDecoded() {
        LinkTarget t = parse("Map%20%E7%9A%84%E5%BA%95%E5%B1%82%EF%BC%9F.md");
        assertEquals("Map 的底层？.md", t.path());
        assertTrue(t.isMarkdown());
    }

    @Test
    void plusIsNotASpace() {
        assertEquals("c++/a+b.md", parse("c++/a+b.md").path());
    }

    @Test
    void angleBracketsAreDropped() {
        assertEquals("Chapter 1.md", parse("<Chapter 1.md>").path());
    }

    @Test
    void githubBlobAndRawUrlsBecomeRepositoryPaths() {
        LinkTarget blob = parse("https://github.com/o/r/blob/main/docs/%E7%AC%AC%E4%B8%80%E7%AB%A0.md#%E5%B0%8F%E7%BB%93");
        assertEquals("docs/第一章.md", blob.path());
        assertEquals("小结", blob.fragment());
        assertEquals(LinkTarget.Kind.REPOSITORY, blob.kind());
        assertEquals("img/a.png", parse("https://github.com/o/r/raw/master/img/a.png").path());
        assertEquals("img/a.png", parse("https://raw.githubusercontent.com/o/r/main/img/a.png").path());
        assertEquals("img/a.png", parse("https://github.com/o/r/blob/main/img/a.png?raw=true").path());
    }

    @Test
    void rootAbsoluteAndBackslashPaths() {
        LinkTarget root = parse("/docs/a.md");
        assertEquals(LinkTarget.Kind.ROOT, root.kind());
        assertEquals("docs/a.md", root.path());
        assertEquals("..\\a.md".replace('\\', '/'), parse("..\\a.md").path());
    }

    @Test
    void externalUrlsAreNotLocal() {
        assertTrue(LinkTarget.parse("https://go.dev/doc").isEmpty());
        assertTrue(LinkTarget.parse("https://github.com/o/r/issues/1").isEmpty());
        assertTrue(LinkTarget.parse("mailto:a@b.c").isEmpty());
        assertTrue(LinkTarget.parse("//cdn.example.com/a.png").isEmpty());
        assertTrue(LinkTarget.parse("").isEmpty());
    }

    @Test
    void fragmentOnly() {
        LinkTarget t = parse("#%E9%80%9F%E8%AE%B0");
        assertTrue(t.isFragmentOnly());
        assertEquals("速记", t.fragment());
    }
}
