package dev.studybook.io;

import java.lang.reflect.Field;
import java.net.InetAddress;

/**
 * Keeps a build from asking the network for the machine's own name. The JDK's font code (FcFontConfiguration, when
 * it names its cache file {@code fcinfo-…-HOST-….properties}) calls {@link InetAddress#getLocalHost()} the first time
 * a font is made, which becomes a DNS query wherever the host name is not in /etc/hosts. That call answers from a
 * five-second cache of the local address when one is there, so the cache is filled (with the loopback address
 * under the machine's name, which needs no lookup) just before the font code starts, which is done at once.
 * Needs {@code --add-opens java.base/java.net} (the jar's manifest gives it); without it nothing changes.
 */
public final class HostName {

    private static volatile boolean done;

    private HostName() {
    }

    /** Starts the JDK's font code without a host-name lookup; once per process, best effort. */
    public static synchronized void startFontsWithoutLookup() {
        if (done) {
            return;
        }
        done = true;
        try {
            Field implField = InetAddress.class.getDeclaredField("impl");
            implField.setAccessible(true);
            Object impl = implField.get(null);
            java.lang.reflect.Method name = impl.getClass().getDeclaredMethod("getLocalHostName");
            name.setAccessible(true);
            String local = (String) name.invoke(impl);
            Class<?> type = Class.forName("java.net.InetAddress$CachedLocalHost");
            java.lang.reflect.Constructor<?> make = type.getDeclaredConstructor(String.class, InetAddress.class);
            make.setAccessible(true);
            Field cached = InetAddress.class.getDeclaredField("cachedLocalHost");
            cached.setAccessible(true);
            ADDRESS = InetAddress.getByAddress(local, new byte[] {127, 0, 0, 1});
            cached.set(null, make.newInstance(local, ADDRESS));
        } catch (ReflectiveOperationException | java.net.UnknownHostException | RuntimeException e) {
            return; // Another JDK, or no access: the font code asks as it always did.
        }
        // The font code starts here, within the cache's five seconds.
        new java.awt.Font(java.awt.Font.DIALOG, java.awt.Font.PLAIN, 12).getFontName();
    }

    private static volatile InetAddress ADDRESS;

    /** The address put in the JDK's cache, or null when it could not be; for tests. */
    public static InetAddress cachedAddress() {
        return ADDRESS;
    }
}
