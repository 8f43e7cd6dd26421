package dev.studybook.testing;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A local HTTP server that records every request it gets and answers with a small PNG, or with what a test
 * asked it to serve at a path: a book whose remote image URLs point here shows whether the build fetched
 * anything from the network, and gets the pictures a test serves.
 */
public final class TrapServer implements AutoCloseable {
    private final HttpServer server;
    private final List<String> requests = new ArrayList<>();
    private final java.util.Map<String, Answer> answers = new java.util.concurrent.ConcurrentHashMap<>();

    /** What the server answers at one path. */
    private record Answer(int status, String contentType, byte[] body, String location) {
    }

    /** Serves {@code body} with this content type at {@code path} (e.g. {@code /a.webp}). */
    public TrapServer serve(String path, String contentType, byte[] body) {
        answers.put(path, new Answer(200, contentType, body, null));
        return this;
    }

    /** Answers {@code path} with a redirect (302) to {@code location}. */
    public TrapServer redirect(String path, String location) {
        answers.put(path, new Answer(302, "text/plain", new byte[0], location));
        return this;
    }

    private TrapServer(HttpServer server) {
        this.server = server;
    }

    public static TrapServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TrapServer trap = new TrapServer(s);
            byte[] png = png();
            s.createContext("/", exchange -> {
                synchronized (trap.requests) {
                    trap.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
                }
                Answer a = trap.answers.getOrDefault(exchange.getRequestURI().getPath(), new Answer(200, "image/png", png, null));
                exchange.getResponseHeaders().add("Content-Type", a.contentType());
                if (a.location() != null) {
                    exchange.getResponseHeaders().add("Location", a.location());
                }
                exchange.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(a.body());
                }
            });
            s.start();
            return trap;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's base URL, without a trailing slash, e.g. {@code http://127.0.0.1:40123}. */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The requests received so far: "METHOD /path". */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static byte[] png() throws IOException {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
