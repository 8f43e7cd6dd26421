package dev.studybook.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * No host-name lookup during a build (issue 21). The JDK's font code asks for the machine's name
 * ({@code FcFontConfiguration.getFcInfoFile} → {@code InetAddress.getLocalHost()}), found with a security manager's
 * {@code checkConnect(host, -1)} and confirmed with {@code strace -f -e trace=openat,connect} (main read /etc/hosts
 * once per build; now not at all). Java 17 has no resolver SPI, so a fresh JVM builds a book under a security manager
 * that records every {@code getLocalHost} that does not come from the cache {@link HostName} fills: only those look up.
 */
class HostNameTest {

    @TempDir
    Path tmp;

    /** Runs a build in this JVM and exits 3 when a host-name lookup happened, 0 when none did. */
    public static final class Probe {
        public static void main(String[] args) {
            List<String> lookups = new ArrayList<>();
            System.setSecurityManager(new SecurityManager() {
                @Override
                public void checkPermission(java.security.Permission p) {
                }

                @Override
                public void checkPermission(java.security.Permission p, Object context) {
                }

                @Override
                public void checkConnect(String host, int port) {
                    if (port == -1 && HostName.cachedAddress() == null) {
                        StringBuilder sb = new StringBuilder("lookup of " + host);
                        for (StackTraceElement e : new Throwable().getStackTrace()) {
                            sb.append("\n  at ").append(e);
                        }
                        lookups.add(sb.toString());
                    }
                }
            });
            int code = dev.studybook.cli.Main.execute(args, new java.io.PrintWriter(System.out, true),
                    new java.io.PrintWriter(System.err, true));
            System.setSecurityManager(null);
            InetAddress cached = HostName.cachedAddress();
            boolean fromCache = cached != null && cachedNow() == cached;
            lookups.forEach(System.out::println);
            System.out.println("build exit " + code + ", cache kept: " + fromCache);
            System.exit(code != 0 ? code : lookups.isEmpty() && fromCache ? 0 : 3);
        }

        /** The address InetAddress's local-host cache holds now: replaced when a lookup happened after ours. */
        static InetAddress cachedNow() {
            try {
                java.lang.reflect.Field f = InetAddress.class.getDeclaredField("cachedLocalHost");
                f.setAccessible(true);
                Object c = f.get(null);
                java.lang.reflect.Field addr = c.getClass().getDeclaredField("addr");
                addr.setAccessible(true);
                return (InetAddress) addr.get(c);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    @Timeout(120)
    void buildMakesNoHostNameLookup() throws IOException, InterruptedException {
        Path book = TestBooks.copy("integrity/tiny", tmp.resolve("book"));
        Path log = tmp.resolve("log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.security.manager=allow", "-Djava.awt.headless=true", "-Xmx1g",
                "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Probe.class.getName(),
                "build", "-q", "--content", book.toString(), "--out", tmp.resolve("out").toString(), "--format", "epub,pdf")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(110, TimeUnit.SECONDS), "the build ends");
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("build exit 0, cache kept: true"), out);
    }
}
