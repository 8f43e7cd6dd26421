package dev.studybook.cli;

import dev.studybook.build.Progress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Records when each stage of a build began and when each file was written, for {@code --verbose}. */
final class StageTimes implements Progress {
    private final long start = System.nanoTime();
    private final Map<String, Long> stageStart = new LinkedHashMap<>();
    private final List<String> files = new ArrayList<>();
    private final Progress next;

    StageTimes(Progress next) {
        this.next = next;
    }

    @Override
    public synchronized void update(String stage, int done, int total, String item) {
        long now = System.nanoTime();
        stageStart.putIfAbsent(stage, now);
        if (stage.equals("write") && !item.isEmpty()) {
            files.add(String.format(Locale.ROOT, "%s at %.2f s", item, (now - start) / 1e9));
        }
        next.update(stage, done, total, item);
    }

    /** "read 0.04 s, convert 0.80 s, ..." with each stage's length up to the next one's start. */
    synchronized String summary() {
        StringBuilder sb = new StringBuilder();
        List<Map.Entry<String, Long>> stages = new ArrayList<>(stageStart.entrySet());
        for (int i = 0; i < stages.size(); i++) {
            long end = i + 1 < stages.size() ? stages.get(i + 1).getValue() : System.nanoTime();
            sb.append(i == 0 ? "" : ", ").append(stages.get(i).getKey()).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f s", (end - stages.get(i).getValue()) / 1e9));
        }
        if (!stages.isEmpty()) {
            sb.insert(0, String.format(Locale.ROOT, "start %.2f s, ", (stages.get(0).getValue() - start) / 1e9));
        }
        if (!files.isEmpty()) {
            sb.append("; written: ").append(String.join(", ", files));
        }
        return sb.toString();
    }
}
