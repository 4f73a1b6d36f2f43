package dev.steward.account.support;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures every log record of the JVM (JBoss LogManager behind JUL) while open, rendered with its parameters. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        StringBuilder s = new StringBuilder(String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            for (Object p : record.getParameters()) {
                s.append(" | ").append(p);
            }
        }
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            s.append(" | ").append(t);
        }
        lines.add(s.toString());
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public synchronized boolean anyContains(String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
