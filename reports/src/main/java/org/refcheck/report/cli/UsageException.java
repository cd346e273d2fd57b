package org.refcheck.report.cli;

/**
 * Input the command cannot act on: an unknown protocol or checker, a bad shard spec, an unreadable class path, a
 * suite class that does not exist. The command prints the message as one line and exits with status
 * {@value Refcheck#EXIT_USAGE}.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
