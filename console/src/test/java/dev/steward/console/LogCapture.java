package dev.steward.console;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Every line the application logs while it is open (message, parameters, exception), to check what never appears. */
final class LogCapture extends Handler implements AutoCloseable {

    final List<String> lines = new CopyOnWriteArrayList<>();

    LogCapture() {
        Logger.getLogger("").addHandler(this);
    }

    @Override
    public void publish(LogRecord r) {
        lines.add(r.getMessage() + " " + Arrays.toString(r.getParameters()) + " " + r.getThrown());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
