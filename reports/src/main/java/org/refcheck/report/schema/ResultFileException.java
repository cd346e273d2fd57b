package org.refcheck.report.schema;

import java.nio.file.Path;

/**
 * A results document that cannot be used: missing, unreadable, truncated, malformed, of another schema version, or
 * missing a required field. Its message is one line: the file, then the problem.
 */
public final class ResultFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public ResultFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** The file that could not be used. */
    public Path file() {
        return file;
    }
}
