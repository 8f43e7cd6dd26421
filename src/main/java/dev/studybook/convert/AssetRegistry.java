package dev.studybook.convert;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.io.ContentFolder;
import dev.studybook.model.Asset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The images of a book, each read once however many chapters show it, named with a short ASCII path inside
 * the book and typed by its bytes. Thread-safe: chapters are converted in parallel.
 */
final class AssetRegistry {

    /** Images larger than this are not put in a book. */
    static final long MAX_IMAGE_BYTES = 32L * 1024 * 1024;

    private final ContentFolder content;
    private final Diagnostics diagnostics;
    /** Pictures by where they come from: "file:" and a path, "url:" and an address, "gen:" and a digest. */
    private final Map<String, Optional<Asset>> bySource = new HashMap<>();
    private final Map<String, String> byHref = new TreeMap<>();
    /** Image files being read, checked and converted, by source: the first chapter to ask does it, others wait. */
    private final Map<String, java.util.concurrent.FutureTask<Optional<Typed>>> loading = new HashMap<>();

    /** A picture's bytes as checked and converted for books, before it has a name in the book. */
    private record Typed(String name, String mediaType, Path file, byte[] data) {
    }

    AssetRegistry(ContentFolder content, Diagnostics diagnostics) {
        this.content = content;
        this.diagnostics = diagnostics;
    }

    /** The asset an image file of the content folder already became, if a chapter showed it; reads nothing. */
    synchronized Optional<Asset> shown(Path file) {
        Optional<Asset> known = bySource.get("file:" + file.toAbsolutePath().normalize());
        return known == null ? Optional.empty() : known;
    }

    /**
     * The asset for an image file inside the content folder, or empty (with a warning at {@code at}). The file is read,
     * checked and converted outside the registry's lock, once however many chapters ask for it at the same time: held
     * for the whole of it, one large PNG being decoded kept every other chapter's pictures and formulas waiting
     * (datawhalechina/easy-rl, 233 MB of pictures: converting went on one core at a time).
     */
    Optional<Asset> image(Path file, SourceLocation at) {
        Path path = file.toAbsolutePath().normalize();
        String key = "file:" + path;
        java.util.concurrent.FutureTask<Optional<Typed>> task;
        boolean mine = false;
        synchronized (this) {
            Optional<Asset> known = bySource.get(key);
            if (known != null) {
                return known;
            }
            task = loading.get(key);
            if (task == null) {
                task = new java.util.concurrent.FutureTask<>(() -> load(path, at));
                loading.put(key, task);
                mine = true;
            }
        }
        if (mine) {
            task.run();
        }
        Optional<Typed> typed;
        try {
            typed = task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("stopped while reading the image '" + content.relative(path) + "'");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
        synchronized (this) {
            Optional<Asset> known = bySource.get(key);
            if (known != null) {
                return known;
            }
            Optional<Asset> asset = typed.map(this::asset);
            bySource.put(key, asset);
            loading.remove(key);
            asset.ifPresent(a -> byHref.put(a.href(), key));
            return asset;
        }
    }

    /**
     * The asset for a picture downloaded from {@code url} (its bytes as fetched), or empty with a warning; named
     * after the address's last path segment.
     */
    synchronized Optional<Asset> remote(String url, byte[] data, SourceLocation at) {
        String key = "url:" + url;
        Optional<Asset> known = bySource.get(key);
        if (known != null) {
            return known;
        }
        String name = url.replaceFirst("[?#].*$", "").replaceFirst("^.*/", "");
        Optional<Asset> asset = typed(url, "remote-" + hash(url) + "-" + (name.isEmpty() ? "picture" : name), data, null, at);
        bySource.put(key, asset);
        asset.ifPresent(a -> byHref.put(a.href(), key));
        return asset;
    }

    /**
     * The asset for a picture whose bytes a page carries itself (a {@code data:} address), or empty with a warning;
     * named after the page ({@code stem}) and its bytes, so the same picture twice is one asset.
     */
    synchronized Optional<Asset> embedded(String stem, byte[] data, SourceLocation at) {
        String digest = hash(data, 6);
        String key = "data:" + digest;
        Optional<Asset> known = bySource.get(key);
        if (known != null) {
            return known;
        }
        String name = (stem.matches("[A-Za-z0-9_][A-Za-z0-9._-]{0,60}") ? stem.replace('.', '-') : "page") + "-" + digest;
        Optional<Asset> asset = typed("data:" + name, name, data, null, at);
        bySource.put(key, asset);
        asset.ifPresent(a -> byHref.put(a.href(), key));
        return asset;
    }

    /**
     * A picture studybook drew itself (a formula, a diagram): named {@code images/<prefix>-<digest>.<ext>} by its
     * bytes, so the same picture drawn twice is one asset.
     */
    synchronized Asset generated(String prefix, String mediaType, byte[] data) {
        // Eight bytes of SHA-256: a book has at most thousands of formulas, and two must never share a name.
        String digest = hash(data, 8);
        String key = "gen:" + prefix + digest;
        Optional<Asset> known = bySource.get(key);
        if (known != null) {
            return known.orElseThrow();
        }
        Asset a = new Asset("images/" + prefix + "-" + digest + "." + MediaTypes.extension(mediaType), mediaType, null, data);
        bySource.put(key, Optional.of(a));
        byHref.put(a.href(), key);
        return a;
    }

    void warn(SourceLocation at, String message) {
        diagnostics.warn(at, Diagnostics.Kind.IMAGE, message);
    }

    /** All assets, in the order of their hrefs. */
    synchronized List<Asset> assets() {
        return byHref.values().stream().map(p -> bySource.get(p).orElseThrow()).toList();
    }

    private Optional<Typed> load(Path file, SourceLocation at) {
        String rel = content.relative(file);
        if (Files.isDirectory(file)) {
            diagnostics.warn(at, Diagnostics.Kind.IMAGE, "the image '" + rel + "' is a folder; its alt text is shown instead");
            return Optional.empty();
        }
        dev.studybook.io.BookFiles.requireRegular(file, "image '" + rel + "'", at);
        byte[] data;
        try {
            if (Files.size(file) > MAX_IMAGE_BYTES) {
                diagnostics.warn(at, Diagnostics.Kind.IMAGE, "the image '" + rel + "' is larger than " + (MAX_IMAGE_BYTES >> 20)
                        + " MB and is left out; make it smaller");
                return Optional.empty();
            }
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            diagnostics.warn(at, Diagnostics.Kind.IMAGE, "cannot read the image '" + rel + "': " + e.getMessage());
            return Optional.empty();
        }
        return checked(rel, rel, data, file, at);
    }

    /** Checks, cleans, converts and names a picture's bytes (call with the lock held). */
    private Optional<Asset> typed(String rel, String name, byte[] data, Path file, SourceLocation at) {
        return checked(rel, name, data, file, at).map(this::asset);
    }

    /** The picture named in the book: {@link #href} looks at the names given so far (call with the lock held). */
    private Asset asset(Typed t) {
        return new Asset(href(t.name(), t.mediaType()), t.mediaType(), t.file(), t.data());
    }

    /**
     * Checks, cleans and converts a picture's bytes; {@code rel} names it in messages, {@code name} in the book. Needs
     * no lock: it reads nothing of the registry.
     */
    private static Optional<Typed> checked(String rel, String name, byte[] data, Path file, SourceLocation at,
            Diagnostics diagnostics) {
        Optional<String> type = MediaTypes.sniff(data);
        if (type.isEmpty()) {
            diagnostics.warn(at, Diagnostics.Kind.IMAGE, "'" + rel + "' is not a PNG, JPEG, GIF, WebP, BMP or SVG image; its alt text is shown instead");
            return Optional.empty();
        }
        if (type.get().equals("image/svg+xml")) {
            try {
                SvgSanitizer.Result clean = SvgSanitizer.check(data);
                data = clean.svg();
                // Both outputs draw it with Batik (the PDF, and the EPUB's PNG fallback): what Batik refuses is left out here.
                dev.studybook.raster.SvgRaster.check(data);
                if (!clean.removed().isEmpty()) {
                    // One warning per picture, however many things were taken out of it.
                    diagnostics.warn(at, Diagnostics.Kind.IMAGE, "the SVG image '" + rel + "' refers to things outside it, "
                            + "which were removed: " + String.join(", ", clean.removed().subList(0, Math.min(3, clean.removed().size())))
                            + (clean.removed().size() > 3 ? " and " + (clean.removed().size() - 3) + " more" : ""));
                }
            } catch (IllegalArgumentException e) {
                diagnostics.warn(at, Diagnostics.Kind.IMAGE, "the SVG image '" + rel + "' cannot be used: " + e.getMessage()
                        + "; its alt text is shown instead");
                return Optional.empty();
            }
        } else {
            // Decoded once here, so that both outputs show the same thing: the picture, or its alt text.
            try {
                PictureFormats.check(type.get(), data);
            } catch (PictureFormats.Unusable e) {
                diagnostics.warn(at, Diagnostics.Kind.IMAGE, "the image '" + rel + "' is left out: " + e.getMessage()
                        + "; its alt text is shown instead");
                return Optional.empty();
            }
        }
        String mediaType = type.get();
        if (PictureFormats.converted(mediaType)) {
            try {
                PictureFormats.Picture p = PictureFormats.forBooks(mediaType, data);
                mediaType = p.mediaType();
                data = p.data();
            } catch (IOException | RuntimeException e) {
                diagnostics.warn(at, Diagnostics.Kind.IMAGE, "the image '" + rel + "' cannot be decoded (" + e.getMessage()
                        + "); its alt text is shown instead");
                return Optional.empty();
            }
        }
        return Optional.of(new Typed(name, mediaType, file, data));
    }

    private Optional<Typed> checked(String rel, String name, byte[] data, Path file, SourceLocation at) {
        return checked(rel, name, data, file, at, diagnostics);
    }

    /** A short ASCII name inside the book's images/ folder, with the extension its bytes call for. */
    private String href(String rel, String mediaType) {
        String ext = MediaTypes.extension(mediaType);
        String name = rel.replaceFirst("^(images?|img|assets?|figures?|pics?)/", "");
        int dot = name.lastIndexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : name).replace('/', '-');
        boolean ascii = stem.matches("[A-Za-z0-9_][A-Za-z0-9._-]{0,80}");
        String candidate = "images/" + (ascii ? stem : "img-" + hash(rel)) + "." + ext;
        if (byHref.containsKey(candidate)) {
            candidate = "images/" + (ascii ? stem + "-" : "img-") + hash(rel + "#") + "." + ext;
        }
        return candidate;
    }

    private static String hash(String s) {
        return hash(s.getBytes(StandardCharsets.UTF_8), 4);
    }

    private static String hash(byte[] b, int bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(b);
            return HexFormat.of().formatHex(d, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
