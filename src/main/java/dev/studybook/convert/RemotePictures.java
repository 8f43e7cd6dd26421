package dev.studybook.convert;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Downloads the remote pictures of a book when the user asks for it ({@code --fetch-remote}, book.yaml
 * {@code remote: fetch}), into a cache folder outside the book that later builds reuse, so that the same input
 * gives the same bytes. Each download is limited in size and time, its bytes must be a picture, and no address
 * in a private, loopback, link-local or otherwise internal range is ever contacted: the host is resolved and
 * every address checked before connecting, the connection goes to the checked address, and every redirect is
 * checked the same way.
 */
final class RemotePictures {

    /** A download larger than this is abandoned. */
    static final long MAX_BYTES = 20L * 1024 * 1024;
    /** A download, redirects included, taking longer than this is abandoned. */
    static final long TIME_LIMIT_MILLIS = 20_000;
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    static final int MAX_REDIRECTS = 5;
    static final int MAX_HEADER_BYTES = 64 * 1024;

    /**
     * Test-only: loopback addresses may be contacted (a test serves pictures from 127.0.0.1). Never set by
     * studybook itself and not offered on the command line.
     */
    static final String ALLOW_LOOPBACK_PROPERTY = "studybook.test.fetchFromLoopback";
    /** The cache folder, for tests; users set STUDYBOOK_CACHE. */
    static final String CACHE_PROPERTY = "studybook.cache";

    /** What a download gave. */
    sealed interface Result permits Fetched, Failed {
    }

    /** The picture's bytes. */
    record Fetched(byte[] data) implements Result {
    }

    /** Why there is no picture, for a warning. */
    record Failed(String reason) implements Result {
    }

    private final Path cache;
    private final boolean allowLoopback;
    private final Map<String, CompletableFuture<Result>> inFlight = new ConcurrentHashMap<>();

    RemotePictures(Path cache, boolean allowLoopback) {
        this.cache = cache;
        this.allowLoopback = allowLoopback;
    }

    /** The downloader a build uses: the user's cache folder, loopback refused (unless a test allows it). */
    static RemotePictures standard() {
        return new RemotePictures(cacheFolder(), Boolean.getBoolean(ALLOW_LOOPBACK_PROPERTY));
    }

    /**
     * Where downloaded pictures are kept: STUDYBOOK_CACHE, else $XDG_CACHE_HOME/studybook/pictures, else
     * ~/.cache/studybook/pictures.
     */
    static Path cacheFolder() {
        String p = System.getProperty(CACHE_PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv("STUDYBOOK_CACHE");
        }
        if (p != null && !p.isBlank()) {
            return Path.of(p).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("studybook").resolve("pictures").toAbsolutePath();
    }

    Path cache() {
        return cache;
    }

    /** The picture at {@code url}, from the cache or downloaded once however many chapters show it. */
    Result fetch(String url) {
        CompletableFuture<Result> mine = new CompletableFuture<>();
        CompletableFuture<Result> other = inFlight.putIfAbsent(url, mine);
        if (other != null) {
            return other.join();
        }
        try {
            mine.complete(load(url));
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
        return mine.join();
    }

    private Result load(String url) {
        Path cached = cache.resolve(sha256(url));
        if (Files.isRegularFile(cached)) {
            try {
                return new Fetched(Files.readAllBytes(cached));
            } catch (IOException e) {
                // Unreadable: download it again.
            }
        }
        URI uri;
        try {
            uri = new URI(url.strip().replace(" ", "%20"));
        } catch (URISyntaxException e) {
            return new Failed("it is not a valid address");
        }
        Result r;
        try {
            r = get(uri, 0, System.currentTimeMillis() + TIME_LIMIT_MILLIS);
        } catch (SocketTimeoutException e) {
            r = new Failed("the server did not answer within " + TIME_LIMIT_MILLIS / 1000 + " s");
        } catch (UnknownHostException e) {
            r = new Failed("the host " + uri.getHost() + " is unknown");
        } catch (IOException e) {
            r = new Failed("the download failed: " + e.getMessage());
        }
        if (r instanceof Fetched f) {
            store(cached, f.data());
        }
        return r;
    }

    private void store(Path file, byte[] data) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".part-", "");
            Files.write(tmp, data);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // The picture is still used in this build; the next one downloads it again.
        }
    }

    private Result get(URI uri, int redirects, long deadline) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Failed("only http and https addresses are downloaded");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return new Failed("the address has no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1); // an IPv6 literal
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        InetAddress[] addresses = InetAddress.getAllByName(host);
        for (InetAddress a : addresses) {
            if (!allowed(a)) {
                return new Failed("the host " + host + " has the address " + a.getHostAddress()
                        + ", which is private, loopback or link-local: studybook never downloads from such addresses");
            }
        }
        Response resp = request(uri, addresses[0], host, port, scheme.equals("https"), deadline);
        if (resp.status() >= 300 && resp.status() < 400 && resp.location() != null) {
            if (redirects >= MAX_REDIRECTS) {
                return new Failed("more than " + MAX_REDIRECTS + " redirects");
            }
            URI next;
            try {
                next = uri.resolve(new URI(resp.location().strip().replace(" ", "%20")));
            } catch (URISyntaxException | IllegalArgumentException e) {
                return new Failed("the server redirected to an invalid address");
            }
            return get(next, redirects + 1, deadline);
        }
        if (resp.status() != 200) {
            return new Failed("the server answered " + resp.status());
        }
        if (MediaTypes.sniff(resp.body()).isEmpty()) {
            return new Failed("what the server sent is not a PNG, JPEG, GIF, WebP, BMP or SVG picture");
        }
        return new Fetched(resp.body());
    }

    /** True for an address a book may download from: public unicast, not internal to a network. */
    boolean allowed(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return allowLoopback;
        }
        if (a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int x = b[0] & 0xff;
            int y = b[1] & 0xff;
            return !(x == 0 || x >= 240 // "this network", reserved and broadcast
                    || (x == 100 && y >= 64 && y <= 127) // carrier-grade NAT
                    || (x == 192 && y == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (x == 198 && (y == 18 || y == 19))); // benchmarking
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            boolean v4Compatible = true;
            for (int i = 0; i < 12; i++) {
                v4Compatible &= b[i] == 0;
            }
            if (v4Compatible) {
                return false; // ::a.b.c.d and the unspecified address
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                // 6to4 carries an IPv4 address: check it too.
                try {
                    return allowed(InetAddress.getByAddress(new byte[] {b[2], b[3], b[4], b[5]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private record Response(int status, String location, byte[] body) {
    }

    private static Response request(URI uri, InetAddress address, String host, int port, boolean tls, long deadline)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address, port), (int) Math.max(1, Math.min(CONNECT_TIMEOUT_MILLIS, remaining(deadline))));
            socket.setSoTimeout((int) Math.max(1, remaining(deadline)));
            Socket s = socket;
            if (tls) {
                SSLSocket ssl;
                try {
                    ssl = (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket(socket, host, port, true);
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IOException("no TLS: " + e.getMessage(), e);
                }
                SSLParameters p = ssl.getSSLParameters();
                // The certificate must name the host asked for, not the address connected to.
                p.setEndpointIdentificationAlgorithm("HTTPS");
                if (!host.matches("[0-9.]+|.*:.*")) {
                    p.setServerNames(List.of(new SNIHostName(host)));
                }
                ssl.setSSLParameters(p);
                ssl.startHandshake();
                s = ssl;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                path += "?" + uri.getRawQuery();
            }
            boolean defaultPort = uri.getPort() < 0;
            String hostHeader = (host.contains(":") ? "[" + host + "]" : host) + (defaultPort ? "" : ":" + port);
            String req = "GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUser-Agent: studybook\r\n"
                    + "Accept: image/*\r\nAccept-Encoding: identity\r\nConnection: close\r\n\r\n";
            OutputStream out = s.getOutputStream();
            out.write(req.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = new java.io.BufferedInputStream(s.getInputStream());
            String status = line(in, deadline);
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
                throw new IOException("the server did not answer in HTTP");
            }
            int code = Integer.parseInt(parts[1]);
            String location = null;
            long length = -1;
            boolean chunked = false;
            int headerBytes = 0;
            for (String h = line(in, deadline); !h.isEmpty(); h = line(in, deadline)) {
                headerBytes += h.length();
                if (headerBytes > MAX_HEADER_BYTES) {
                    throw new IOException("the server's headers are too long");
                }
                int colon = h.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = h.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).strip();
                switch (name) {
                    case "location" -> location = value;
                    case "content-length" -> length = value.matches("\\d{1,18}") ? Long.parseLong(value) : -1;
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    default -> {
                    }
                }
            }
            if (code != 200) {
                return new Response(code, location, new byte[0]);
            }
            if (length > MAX_BYTES) {
                throw new IOException("the picture is larger than " + (MAX_BYTES >> 20) + " MB");
            }
            byte[] body = chunked ? chunked(in, deadline) : body(in, length, deadline);
            return new Response(code, location, body);
        } finally {
            socket.close();
        }
    }

    private static byte[] body(InputStream in, long length, long deadline) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        long left = length < 0 ? Long.MAX_VALUE : length;
        while (left > 0) {
            check(deadline, out.size());
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                if (length >= 0) {
                    throw new IOException("the connection closed before the picture was complete");
                }
                break;
            }
            out.write(buf, 0, n);
            left -= n;
        }
        return out.toByteArray();
    }

    private static byte[] chunked(InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = line(in, deadline);
            int semi = size.indexOf(';');
            String hex = (semi >= 0 ? size.substring(0, semi) : size).strip();
            if (!hex.matches("[0-9a-fA-F]{1,8}")) {
                throw new IOException("the server sent a broken chunk");
            }
            long n = Long.parseLong(hex, 16);
            if (n == 0) {
                return out.toByteArray();
            }
            if (out.size() + n > MAX_BYTES) {
                throw new IOException("the picture is larger than " + (MAX_BYTES >> 20) + " MB");
            }
            out.write(body(in, n, deadline));
            line(in, deadline);
        }
    }

    private static void check(long deadline, long size) throws IOException {
        if (remaining(deadline) <= 0) {
            throw new SocketTimeoutException("time limit");
        }
        if (size > MAX_BYTES) {
            throw new IOException("the picture is larger than " + (MAX_BYTES >> 20) + " MB");
        }
    }

    private static long remaining(long deadline) {
        return deadline - System.currentTimeMillis();
    }

    /** One header line, without its CR LF. */
    private static String line(InputStream in, long deadline) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (sb.length() == 0) {
                    throw new IOException("the server closed the connection");
                }
                return sb.toString();
            }
            if (c == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) c);
            if (sb.length() > MAX_HEADER_BYTES) {
                throw new IOException("the server's headers are too long");
            }
            if ((sb.length() & 1023) == 0) {
                check(deadline, 0);
            }
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
