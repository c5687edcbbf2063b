package io.newspipe.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU seconds of processes on Linux, from {@code /proc/<pid>/stat}: how a benchmark tells how much of the machine
 * each part of a run took (a stage's JVM, PostgreSQL with all its backends, the registry, this process).
 */
final class ProcessCpu {

    /** Linux reports these times in clock ticks; USER_HZ is 100 on every mainstream architecture. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** User + system seconds of the process itself (its own threads only). */
    static double ownSeconds(long pid) {
        return stat(pid).map(f -> (f[0] + f[1]) / TICKS_PER_SECOND).orElse(0.0);
    }

    /**
     * User + system seconds of a process tree: every live process in it, plus what each has collected from children
     * that already ended (so short-lived backends are counted too).
     */
    static double treeSeconds(ProcessHandle root) {
        try (Stream<ProcessHandle> tree = Stream.concat(Stream.of(root), root.descendants())) {
            return tree.mapToDouble(p -> stat(p.pid()).map(f -> (f[0] + f[1] + f[2] + f[3]) / TICKS_PER_SECOND)
                    .orElse(0.0)).sum();
        }
    }

    /**
     * The PostgreSQL server of a data directory, from its {@code postmaster.pid} (pg_ctl detaches the server, so it
     * is not a descendant of the process that started it); its backends are its children.
     */
    static Optional<ProcessHandle> postmaster(Path dataDir) {
        try {
            String first = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.US_ASCII).get(0);
            return ProcessHandle.of(Long.parseLong(first.strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A descendant of this process whose command line contains {@code text}. */
    static Optional<ProcessHandle> descendantRunning(String text) {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains(text)).orElse(false)).findFirst();
    }

    /** utime, stime, cutime, cstime in ticks, or empty when the process is gone. */
    private static Optional<long[]> stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // the command name may hold spaces and parentheses: fields are counted after its closing parenthesis
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // after the name: state(0) ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime(11)
            return Optional.of(new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                Long.parseLong(f[14])});
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
