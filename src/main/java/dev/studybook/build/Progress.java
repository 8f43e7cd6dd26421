package dev.studybook.build;

/** Hears how a build advances: a stage ("convert", "write"), how much of it is done, and the item at hand. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (stage, done, total, item) -> { };

    void update(String stage, int done, int total, String item);
}
