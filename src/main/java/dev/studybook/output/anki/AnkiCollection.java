package dev.studybook.output.anki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Writes an Anki collection ({@code collection.anki2}, schema 11, the layout every Anki, AnkiDroid and AnkiMobile
 * imports) with SQLite through sqlite-jdbc: the only class that knows SQLite. The database is built in memory and
 * copied out with {@code VACUUM INTO}, which writes a compact file whose bytes depend only on what went in (fixed
 * page size, no free pages, no journal), so that the same deck gives the same bytes.
 */
final class AnkiCollection {

    /** The tables and indexes of a schema-11 collection. */
    private static final String SCHEMA = """
            CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
              ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
              models text not null, decks text not null, dconf text not null, tags text not null);
            CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
              usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
              flags integer not null, data text not null);
            CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
              mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
              ivl integer not null, factor integer not null, reps integer not null, lapses integer not null,
              left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
            CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
              ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null,
              type integer not null);
            CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
            CREATE INDEX ix_notes_usn on notes (usn);
            CREATE INDEX ix_cards_usn on cards (usn);
            CREATE INDEX ix_revlog_usn on revlog (usn);
            CREATE INDEX ix_cards_nid on cards (nid);
            CREATE INDEX ix_cards_sched on cards (did, queue, due);
            CREATE INDEX ix_revlog_cid on revlog (cid);
            CREATE INDEX ix_notes_csum on notes (csum);
            """;

    /** The collection row: its times, and the note types, decks and deck options as JSON. */
    record Col(long created, long modifiedMillis, String conf, String models, String decks, String dconf) {
    }

    /** A note: its fields joined by U+001F, its sort field and the checksum of its first field. */
    record Note(long id, String guid, long model, long modified, String tags, String fields, String sortField,
            long checksum) {
    }

    /** A new card of a note, in a deck; {@code due} orders new cards. */
    record Card(long id, long note, long deck, int ord, long modified, long due) {
    }

    private AnkiCollection() {
    }

    /** The collection's database file as bytes. */
    static byte[] write(Col col, List<Note> notes, List<Card> cards) throws IOException {
        Path dir = Files.createTempDirectory("studybook-anki");
        Path file = dir.resolve("collection.anki2");
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setPageSize(4096);
            config.setEncoding(SQLiteConfig.Encoding.UTF8);
            config.setJournalMode(SQLiteConfig.JournalMode.OFF);
            config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
            SQLiteDataSource source = new SQLiteDataSource(config);
            source.setUrl("jdbc:sqlite::memory:");
            try (Connection c = connect(source)) {
                try (Statement s = c.createStatement()) {
                    for (String sql : SCHEMA.split(";")) {
                        if (!sql.isBlank()) {
                            s.execute(sql);
                        }
                    }
                }
                c.setAutoCommit(false);
                try (PreparedStatement p = c.prepareStatement("INSERT INTO col VALUES (1,?,?,?,11,0,0,0,?,?,?,?,'{}')")) {
                    p.setLong(1, col.created());
                    p.setLong(2, col.modifiedMillis());
                    p.setLong(3, col.modifiedMillis());
                    p.setString(4, col.conf());
                    p.setString(5, col.models());
                    p.setString(6, col.decks());
                    p.setString(7, col.dconf());
                    p.executeUpdate();
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO notes VALUES (?,?,?,?,-1,?,?,?,?,0,'')")) {
                    for (Note n : notes) {
                        p.setLong(1, n.id());
                        p.setString(2, n.guid());
                        p.setLong(3, n.model());
                        p.setLong(4, n.modified());
                        p.setString(5, n.tags());
                        p.setString(6, n.fields());
                        p.setString(7, n.sortField());
                        p.setLong(8, n.checksum());
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO cards VALUES (?,?,?,?,?,-1,0,0,?,0,0,0,0,0,0,0,0,'')")) {
                    for (Card k : cards) {
                        p.setLong(1, k.id());
                        p.setLong(2, k.note());
                        p.setLong(3, k.deck());
                        p.setInt(4, k.ord());
                        p.setLong(5, k.modified());
                        p.setLong(6, k.due());
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                c.commit();
                c.setAutoCommit(true);
                try (PreparedStatement p = c.prepareStatement("VACUUM INTO ?")) {
                    p.setString(1, file.toString());
                    p.execute();
                }
            }
            return Files.readAllBytes(file);
        } catch (SQLException e) {
            throw new IOException("SQLite could not write the Anki collection: " + e.getMessage(), e);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Opens SQLite; a platform whose native library the jar lacks gets a message that says so. */
    private static Connection connect(SQLiteDataSource source) throws SQLException, IOException {
        try {
            return source.getConnection();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            throw new IOException("SQLite's native library does not load on this platform (" + System.getProperty("os.name")
                    + " " + System.getProperty("os.arch") + "): studybook carries it for Linux, macOS and Windows on"
                    + " x86_64 and arm64 (" + e + ")", e);
        }
    }
}
