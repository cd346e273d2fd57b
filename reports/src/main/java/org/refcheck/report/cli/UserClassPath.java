package org.refcheck.report.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's {@code --classpath}: directories of classes and jars, each of which must exist and be readable before
 * anything runs.
 */
final class UserClassPath {

    private UserClassPath() {
    }

    /** The entries of a class path string ({@code null} or empty: none). */
    static List<Path> parse(String classPath) {
        List<Path> entries = new ArrayList<>();
        if (classPath == null || classPath.isBlank()) {
            return entries;
        }
        for (String part : classPath.split(File.pathSeparator)) {
            if (part.isBlank()) {
                continue;
            }
            Path p;
            try {
                p = Path.of(part).toAbsolutePath();
            } catch (InvalidPathException e) {
                throw new UsageException("bad class path entry '" + part + "': " + e.getReason());
            }
            if (!Files.exists(p)) {
                throw new UsageException("class path entry " + part + " does not exist");
            }
            if (!Files.isReadable(p)) {
                throw new UsageException("class path entry " + part + " is not readable");
            }
            if (Files.isRegularFile(p) && !part.endsWith(".jar") && !part.endsWith(".zip")) {
                throw new UsageException("class path entry " + part + " is neither a directory nor a jar");
            }
            entries.add(p);
        }
        return entries;
    }

    /** A class loader over the entries, delegating first to the command's own. */
    static java.net.URLClassLoader loader(List<Path> entries) {
        java.net.URL[] urls = new java.net.URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = entries.get(i).toUri().toURL();
            } catch (java.net.MalformedURLException e) {
                throw new UsageException("bad class path entry " + entries.get(i) + ": " + e.getMessage());
            }
        }
        return new java.net.URLClassLoader(urls, UserClassPath.class.getClassLoader());
    }

    /** The command's own class path followed by the user's entries. */
    static String join(String own, List<Path> user) {
        StringBuilder s = new StringBuilder(own);
        for (Path p : user) {
            s.append(File.pathSeparator).append(p);
        }
        return s.toString();
    }
}
