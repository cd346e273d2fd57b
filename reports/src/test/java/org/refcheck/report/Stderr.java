package org.refcheck.report;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Captures what a command-line entry point prints on standard error, for the tests of its error messages. */
public final class Stderr {

    private Stderr() {
    }

    /** What {@code body} printed on {@code System.err}. */
    public static String of(Runnable body) {
        PrintStream saved = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
