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
 * A local HTTP server that records every request it gets and answers with a small PNG: a book whose remote
 * image URLs point here shows whether the build fetched anything from the network.
 */
public final class TrapServer implements AutoCloseable {
    private final HttpServer server;
    private final List<String> requests = new ArrayList<>();

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
                exchange.getResponseHeaders().add("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, png.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(png);
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
