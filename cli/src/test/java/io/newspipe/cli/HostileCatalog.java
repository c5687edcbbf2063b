package io.newspipe.cli;

import io.newspipe.avro.DeadLetter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The hostile inputs one run of {@link HostileCatalogIT} sent, each with the dead letter it must become: the stage
 * and reason of its kind, how to recognise it, and what its message must say. The table it prints is the catalog.
 */
final class HostileCatalog {

    /** One hostile input sent: its kind, where it must end, how to recognise its dead letter, what it must say. */
    record Instance(String kind, String stage, String reason, Predicate<DeadLetter> matches,
                    Consumer<DeadLetter> detail) {
    }

    private final List<Instance> instances = new ArrayList<>();

    void sent(String kind, String stage, String reason, Predicate<DeadLetter> matches, Consumer<DeadLetter> detail) {
        instances.add(new Instance(kind, stage, reason, matches, detail));
    }

    /** How many hostile inputs were sent. */
    int size() {
        return instances.size();
    }

    /** The kinds sent, in the order first sent. */
    List<String> kinds() {
        return instances.stream().map(Instance::kind).distinct().toList();
    }

    /** The inputs of one kind. */
    List<Instance> instancesOf(String kind) {
        return instances.stream().filter(i -> i.kind().equals(kind)).toList();
    }

    /** The inputs {@code letter} could be the dead letter of: exactly one when all is well. */
    List<Instance> owners(DeadLetter letter) {
        return instances.stream().filter(i -> i.matches().test(letter)).toList();
    }

    long kindCount() {
        return kinds().size() + 1; // + regex-pathological text
    }

    /** kind -> stage/reason -> sent and found; then what was meant to arrive in PostgreSQL. */
    String table(List<DeadLetter> letters, int good, int goodRows, int pathological, int pathologicalRows) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> where = new LinkedHashMap<>();
        for (Instance i : instances) {
            counts.computeIfAbsent(i.kind(), k -> new int[2])[0]++;
            where.put(i.kind(), i.stage() + "/" + i.reason());
        }
        List<String> stray = new ArrayList<>();
        for (DeadLetter d : letters) {
            instances.stream().filter(i -> i.matches().test(d)).findFirst().ifPresentOrElse(
                    i -> counts.get(i.kind())[1]++,
                    () -> stray.add(d.getStage() + "/" + d.getReason() + " " + d.getErrorMessage()));
        }
        String row = "%-30s %-31s %5s %8s%n";
        StringBuilder t = new StringBuilder(String.format("%n" + row, "kind", "ends as (dlq: stage/reason)",
                "sent", "arrived"));
        counts.forEach((kind, c) -> t.append(String.format(row, kind, "dlq: " + where.get(kind), c[0], c[1])));
        t.append(String.format(row, "regex-pathological text", "enriched, in PostgreSQL", pathological,
                pathologicalRows));
        t.append(String.format(row, "good articles", "enriched, in PostgreSQL", good, goodRows));
        stray.forEach(s -> t.append("UNEXPECTED ").append(s).append('\n'));
        return t.toString();
    }
}
