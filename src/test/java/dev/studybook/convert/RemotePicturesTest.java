package dev.studybook.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RemotePicturesTest {

    private final RemotePictures pictures = new RemotePictures(Path.of("unused"), false);

    @Test
    void internalAddressesAreRefusedPublicOnesAllowed() throws UnknownHostException {
        for (String a : new String[] {"127.0.0.1", "127.8.9.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1",
            "fc00::1", "fd12:3456::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "2002:a00:1::1", "198.18.0.1"}) {
            assertFalse(pictures.allowed(InetAddress.getByName(a)), a);
        }
        for (String a : new String[] {"93.184.216.34", "140.82.112.3", "172.32.0.1", "2606:4700::6810:84e5", "8.8.8.8"}) {
            assertTrue(pictures.allowed(InetAddress.getByName(a)), a);
        }
        assertTrue(new RemotePictures(Path.of("unused"), true).allowed(InetAddress.getByName("127.0.0.1")));
        assertFalse(new RemotePictures(Path.of("unused"), true).allowed(InetAddress.getByName("10.0.0.1")));
    }

    @Test
    void onlyHttpAndHttpsAreDownloaded() {
        RemotePictures.Result r = pictures.fetch("ftp://example.com/a.png");
        assertEquals("only http and https addresses are downloaded", ((RemotePictures.Failed) r).reason());
        r = new RemotePictures(Path.of("unused"), false).fetch("file:///etc/passwd");
        assertTrue(r instanceof RemotePictures.Failed);
    }
}
