package dev.steward.e2e.stack;

import java.io.PrintStream;
import java.util.Locale;

/** Time-stamped progress lines on the console: what the stack is doing, since its start. */
public final class Progress {

    private final long started = System.nanoTime();
    private final PrintStream out;

    public Progress(PrintStream out) {
        this.out = out;
    }

    public double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    public void say(String format, Object... args) {
        out.printf(Locale.ROOT, "[%6.1fs] %s%n", seconds(), String.format(Locale.ROOT, format, args));
        out.flush();
    }

    public PrintStream out() {
        return out;
    }
}
