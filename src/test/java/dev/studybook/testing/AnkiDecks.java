package dev.studybook.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads an .apkg back: its ZIP entries, and rows of the collection inside it through SQLite. */
public final class AnkiDecks {
    private AnkiDecks() {
    }

    /** The package's entries by name, in order. */
    public static Map<String, byte[]> entries(Path apkg) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(apkg))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                out.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The media list: number in the package to file name. */
    public static String media(Path apkg) {
        return new String(entries(apkg).get("media"), StandardCharsets.UTF_8);
    }

    /** Each row of a query on the package's collection, columns as strings. */
    public static List<List<String>> query(Path apkg, String sql) {
        try {
            Path db = Files.createTempFile("studybook-test", ".anki2");
            try {
                Files.write(db, entries(apkg).get("collection.anki2"));
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                        ResultSet r = s.executeQuery(sql)) {
                    List<List<String>> rows = new ArrayList<>();
                    int n = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= n; i++) {
                            row.add(r.getString(i));
                        }
                        rows.add(row);
                    }
                    return rows;
                }
            } finally {
                Files.deleteIfExists(db);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single number a query returns. */
    public static long number(Path apkg, String sql) {
        return Long.parseLong(query(apkg, sql).get(0).get(0));
    }
}
