package dev.steward.e2e.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size of a process, read from /proc (Linux); -1 where unavailable. */
final class Memory {

    private Memory() {
    }

    static long rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
