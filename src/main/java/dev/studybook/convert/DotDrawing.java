package dev.studybook.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.graphper.api.Cluster;
import org.graphper.api.GraphContainer;
import org.graphper.api.Graphviz;
import org.graphper.api.Line;
import org.graphper.api.Node;
import org.graphper.api.Subgraph;
import org.graphper.api.attributes.ArrowShape;
import org.graphper.api.attributes.ClusterStyle;
import org.graphper.api.attributes.Color;
import org.graphper.api.attributes.Dir;
import org.graphper.api.attributes.LineStyle;
import org.graphper.api.attributes.NodeShapeEnum;
import org.graphper.api.attributes.NodeStyle;
import org.graphper.api.attributes.Rank;
import org.graphper.api.attributes.Rankdir;
import org.graphper.api.attributes.Splines;

/**
 * A parsed DOT graph laid out and drawn as SVG by graph-support (a pure-Java implementation of Graphviz's dot
 * layout), every label in one face so that readers and the PDF draw it with the book's fonts.
 */
final class DotDrawing {
    /** Graphviz's default size of every label, the graph's own included (graph-support draws that one larger). */
    private static final double DEFAULT_FONT_SIZE = 14;
    private final DotParser.Graph graph;
    private final String font;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    /** Where each node is placed: the deepest cluster or ranked subgraph that mentions it. */
    private final Map<String, DotParser.Container> home = new HashMap<>();

    private DotDrawing(DotParser.Graph graph, String font) {
        this.graph = graph;
        this.font = font;
    }

    /** The graph as an SVG document (with graph-support's XML declaration and DOCTYPE). */
    static String svg(DotParser.Graph graph, String font) {
        return new DotDrawing(graph, font).draw();
    }

    private String draw() {
        place(graph.root(), graph.root());
        graph.nodes().forEach((id, a) -> nodes.put(id, node(id, a)));
        Graphviz.GraphvizBuilder g = graph.directed() ? Graphviz.digraph() : Graphviz.graph();
        Map<String, String> ga = graph.attributes();
        g.fontName(font);
        str(ga, "label").ifPresent(l -> g.label(text(l, "")));
        g.fontSize(num(ga, "fontsize").orElse(DEFAULT_FONT_SIZE));
        switch (ga.getOrDefault("rankdir", "TB").toUpperCase(Locale.ROOT)) {
            case "LR" -> g.rankdir(Rankdir.LR);
            case "RL" -> g.rankdir(Rankdir.RL);
            case "BT" -> g.rankdir(Rankdir.BT);
            default -> g.rankdir(Rankdir.TB);
        }
        str(ga, "splines").ifPresent(s -> {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "ortho" -> g.splines(Splines.ORTHO);
                case "line", "false" -> g.splines(Splines.LINE);
                case "polyline" -> g.splines(Splines.POLYLINE);
                case "none", "" -> g.splines(Splines.NONE);
                default -> g.splines(Splines.SPLINE);
            }
        });
        num(ga, "nodesep").ifPresent(g::nodeSep);
        num(ga, "ranksep").ifPresent(g::rankSep);
        str(ga, "compound").ifPresent(c -> g.compound(bool(c)));
        fill(g, graph.root());
        for (DotParser.Edge e : graph.edges()) {
            g.addLine(line(e));
        }
        try {
            return g.build().toSvgStr();
        } catch (org.graphper.draw.ExecuteException e) {
            throw new IllegalArgumentException("graph-support cannot draw it: " + e.getMessage(), e);
        }
    }

    /** Finds each node's home: the deepest cluster or ranked subgraph among those that mention it. */
    private void place(DotParser.Container c, DotParser.Container significant) {
        DotParser.Container here = c == graph.root() || c.cluster() || c.attributes.containsKey("rank") ? c : significant;
        for (String n : c.nodes) {
            DotParser.Container h = home.get(n);
            if (h == null || here.depth > h.depth) {
                home.put(n, here);
            }
        }
        for (DotParser.Container child : c.children) {
            place(child, here);
        }
    }

    /** Adds to a builder the nodes at home in {@code c} and the clusters and ranked subgraphs below it. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private void fill(GraphContainer.GraphContainerBuilder b, DotParser.Container c) {
        for (Map.Entry<String, Node> n : nodes.entrySet()) {
            if (home.get(n.getKey()) == c) {
                b.addNode(n.getValue());
            }
        }
        for (DotParser.Container child : c.children) {
            if (child.cluster()) {
                Cluster.ClusterBuilder cb = Cluster.builder();
                cluster(cb, child);
                fill(cb, child);
                if (occupied(child)) {
                    b.cluster(cb.build());
                }
            } else if (child.attributes.containsKey("rank")) {
                Subgraph.SubgraphBuilder sb = Subgraph.builder();
                switch (child.attributes.get("rank").toLowerCase(Locale.ROOT)) {
                    case "min" -> sb.rank(Rank.MIN);
                    case "max" -> sb.rank(Rank.MAX);
                    case "source" -> sb.rank(Rank.SOURCE);
                    case "sink" -> sb.rank(Rank.SINK);
                    default -> sb.rank(Rank.SAME);
                }
                fill(sb, child);
                b.subgraph(sb.build());
            } else {
                fill(b, child);
            }
        }
    }

    /** True when some node is at home in {@code c} or below it: graph-support refuses an empty cluster. */
    private boolean occupied(DotParser.Container c) {
        return home.containsValue(c) || c.children.stream().anyMatch(this::occupied);
    }

    private void cluster(Cluster.ClusterBuilder cb, DotParser.Container c) {
        Map<String, String> a = c.attributes;
        cb.fontName(font);
        str(a, "label").ifPresent(l -> cb.label(text(l, "")));
        num(a, "fontsize").ifPresent(cb::fontSize);
        color(a.get("color")).ifPresent(cb::color);
        color(a.get("fontcolor")).ifPresent(cb::fontColor);
        num(a, "penwidth").ifPresent(cb::penWidth);
        String style = a.getOrDefault("style", "").toLowerCase(Locale.ROOT);
        List<ClusterStyle> styles = new ArrayList<>();
        for (String s : style.split("[,\\s]+")) {
            switch (s) {
                case "dashed" -> styles.add(ClusterStyle.DASHED);
                case "dotted" -> styles.add(ClusterStyle.DOTTED);
                case "bold" -> styles.add(ClusterStyle.BOLD);
                case "rounded" -> styles.add(ClusterStyle.ROUNDED);
                case "invis" -> styles.add(ClusterStyle.INVIS);
                default -> {
                }
            }
        }
        if (!styles.isEmpty()) {
            cb.style(styles.toArray(ClusterStyle[]::new));
        }
        String fill = a.containsKey("bgcolor") ? a.get("bgcolor") : style.contains("filled")
                ? a.getOrDefault("fillcolor", a.getOrDefault("color", "lightgrey")) : null;
        color(fill).ifPresent(cb::bgColor);
    }

    private Node node(String id, Map<String, String> a) {
        Node.NodeBuilder nb = Node.builder().fontName(font).label(text(a.getOrDefault("label", "\\N"), id));
        nb.shape(shape(a.getOrDefault("shape", "ellipse")));
        num(a, "fontsize").ifPresent(nb::fontSize);
        color(a.get("color")).ifPresent(nb::color);
        color(a.get("fontcolor")).ifPresent(nb::fontColor);
        num(a, "penwidth").ifPresent(nb::penWidth);
        String style = a.getOrDefault("style", "").toLowerCase(Locale.ROOT);
        List<NodeStyle> styles = new ArrayList<>();
        for (String s : style.split("[,\\s]+")) {
            switch (s) {
                case "dashed" -> styles.add(NodeStyle.DASHED);
                case "dotted" -> styles.add(NodeStyle.DOTTED);
                case "bold" -> styles.add(NodeStyle.BOLD);
                case "rounded" -> styles.add(NodeStyle.ROUNDED);
                case "invis" -> styles.add(NodeStyle.INVIS);
                default -> {
                }
            }
        }
        if (!styles.isEmpty()) {
            nb.style(styles.toArray(NodeStyle[]::new));
        }
        if (style.contains("filled")) {
            color(a.getOrDefault("fillcolor", a.getOrDefault("color", "lightgrey"))).ifPresent(nb::fillColor);
        }
        return nb.build();
    }

    private Line line(DotParser.Edge e) {
        Map<String, String> a = e.attributes();
        Line.LineBuilder lb = Line.builder(nodes.get(e.from()), nodes.get(e.to())).fontName(font);
        str(a, "label").ifPresent(l -> lb.label(text(l, "")));
        num(a, "fontsize").ifPresent(lb::fontSize);
        color(a.get("color")).ifPresent(lb::color);
        color(a.get("fontcolor")).ifPresent(lb::fontColor);
        num(a, "penwidth").ifPresent(lb::penWidth);
        num(a, "weight").ifPresent(lb::weight);
        num(a, "minlen").ifPresent(m -> lb.minlen((int) Math.round(m)));
        str(a, "lhead").ifPresent(lb::lhead);
        str(a, "ltail").ifPresent(lb::ltail);
        List<LineStyle> styles = new ArrayList<>();
        for (String s : a.getOrDefault("style", "").toLowerCase(Locale.ROOT).split("[,\\s]+")) {
            switch (s) {
                case "dashed" -> styles.add(LineStyle.DASHED);
                case "dotted" -> styles.add(LineStyle.DOTTED);
                case "bold" -> styles.add(LineStyle.BOLD);
                case "invis" -> styles.add(LineStyle.INVIS);
                default -> {
                }
            }
        }
        if (!styles.isEmpty()) {
            lb.style(styles.toArray(LineStyle[]::new));
        }
        str(a, "arrowhead").ifPresent(s -> lb.arrowHead(arrow(s)));
        str(a, "arrowtail").ifPresent(s -> lb.arrowTail(arrow(s)));
        str(a, "dir").ifPresent(d -> {
            switch (d.toLowerCase(Locale.ROOT)) {
                case "back" -> lb.dir(Dir.BACK);
                case "both" -> lb.dir(Dir.BOTH);
                case "none" -> lb.dir(Dir.NONE);
                default -> lb.dir(Dir.FORWARD);
            }
        });
        return lb.build();
    }

    private static ArrowShape arrow(String s) {
        String k = s.toLowerCase(Locale.ROOT).replaceFirst("^[lr]", "").replaceFirst("^o", "");
        return switch (k) {
            case "none" -> ArrowShape.NONE;
            case "vee", "open" -> ArrowShape.VEE;
            case "dot" -> ArrowShape.DOT;
            case "box" -> ArrowShape.BOX;
            case "curve" -> ArrowShape.CURVE;
            default -> ArrowShape.NORMAL;
        };
    }

    private static NodeShapeEnum shape(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "box", "rect", "rectangle", "square", "component", "folder", "tab", "box3d" -> NodeShapeEnum.RECT;
            case "circle", "doublecircle", "tripleoctagon" -> NodeShapeEnum.CIRCLE;
            case "point" -> NodeShapeEnum.POINT;
            case "diamond", "mdiamond", "msquare" -> NodeShapeEnum.DIAMOND;
            case "triangle" -> NodeShapeEnum.TRIANGLE;
            case "invtriangle" -> NodeShapeEnum.INVTRIANGLE;
            case "trapezium" -> NodeShapeEnum.TRAPEZIUM;
            case "invtrapezium" -> NodeShapeEnum.INVTRAPEZIUM;
            case "parallelogram" -> NodeShapeEnum.PARALLELOGRAM;
            case "star" -> NodeShapeEnum.STAR;
            case "cylinder" -> NodeShapeEnum.CYLINDER;
            case "pentagon" -> NodeShapeEnum.PENTAGON;
            case "hexagon" -> NodeShapeEnum.HEXAGON;
            case "septagon" -> NodeShapeEnum.SEPTAGON;
            case "octagon", "doubleoctagon" -> NodeShapeEnum.OCTAGON;
            case "note" -> NodeShapeEnum.NOTE;
            case "plaintext", "none" -> NodeShapeEnum.PLAIN_TEXT;
            case "plain" -> NodeShapeEnum.PLAIN;
            case "underline" -> NodeShapeEnum.UNDERLINE;
            case "record" -> NodeShapeEnum.RECORD;
            case "mrecord" -> NodeShapeEnum.M_RECORD;
            default -> NodeShapeEnum.ELLIPSE;
        };
    }

    /** A label as drawn: Graphviz's escapes for the node's name and line ends turned into text and new lines. */
    static String text(String label, String id) {
        return label.replace("\\N", id).replace("\\G", "").replace("\\E", "").replace("\\T", "").replace("\\H", "")
                .replaceAll("\\\\[nlr]", "\n").replaceFirst("\n$", "").replace("\\\\", "\\");
    }

    private static java.util.Optional<String> str(Map<String, String> a, String key) {
        return java.util.Optional.ofNullable(a.get(key));
    }

    private static java.util.Optional<Double> num(Map<String, String> a, String key) {
        try {
            return a.containsKey(key) ? java.util.Optional.of(Double.parseDouble(a.get(key).strip()))
                    : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static boolean bool(String s) {
        return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("yes") || s.equals("1");
    }

    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("black", "000000"),
            Map.entry("white", "ffffff"), Map.entry("red", "ff0000"), Map.entry("green", "00ff00"),
            Map.entry("blue", "0000ff"), Map.entry("yellow", "ffff00"), Map.entry("orange", "ffa500"),
            Map.entry("purple", "a020f0"), Map.entry("pink", "ffc0cb"), Map.entry("gray", "c0c0c0"),
            Map.entry("grey", "c0c0c0"), Map.entry("lightgray", "d3d3d3"), Map.entry("lightgrey", "d3d3d3"),
            Map.entry("darkgray", "a9a9a9"), Map.entry("darkgrey", "a9a9a9"), Map.entry("lightblue", "add8e6"),
            Map.entry("skyblue", "87ceeb"), Map.entry("lightyellow", "ffffe0"), Map.entry("lightgreen", "90ee90"),
            Map.entry("darkgreen", "006400"), Map.entry("darkblue", "00008b"), Map.entry("navy", "000080"),
            Map.entry("brown", "a52a2a"), Map.entry("gold", "ffd700"), Map.entry("cyan", "00ffff"),
            Map.entry("magenta", "ff00ff"), Map.entry("lightpink", "ffb6c1"), Map.entry("orchid", "da70d6"),
            Map.entry("salmon", "fa8072"), Map.entry("tomato", "ff6347"), Map.entry("lightcyan", "e0ffff"),
            Map.entry("aliceblue", "f0f8ff"), Map.entry("beige", "f5f5dc"), Map.entry("coral", "ff7f50"),
            Map.entry("dimgray", "696969"), Map.entry("dimgrey", "696969"), Map.entry("steelblue", "4682b4"),
            Map.entry("royalblue", "4169e1"), Map.entry("crimson", "dc143c"), Map.entry("darkorange", "ff8c00"),
            Map.entry("forestgreen", "228b22"), Map.entry("khaki", "f0e68c"), Map.entry("lavender", "e6e6fa"),
            Map.entry("wheat", "f5deb3"), Map.entry("palegreen", "98fb98"), Map.entry("lightsalmon", "ffa07a"),
            Map.entry("transparent", ""), Map.entry("none", ""));

    /** A DOT colour ({@code #rrggbb[aa]}, {@code #rgb} or a common X11 name; the first of a list); empty if unknown. */
    static java.util.Optional<Color> color(String value) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        String v = value.split("[:;]")[0].strip().toLowerCase(Locale.ROOT).replaceFirst("^/x11/", "");
        String hex = null;
        if (v.matches("#[0-9a-f]{6}([0-9a-f]{2})?")) {
            hex = v.substring(1, 7);
        } else if (v.matches("#[0-9a-f]{3}")) {
            hex = "" + v.charAt(1) + v.charAt(1) + v.charAt(2) + v.charAt(2) + v.charAt(3) + v.charAt(3);
        } else if (v.matches("[a-z]+[1-4]?")) {
            hex = NAMES.get(v.replaceFirst("[1-4]$", ""));
        }
        return hex == null || hex.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(Color.ofRGB("#" + hex));
    }
}
