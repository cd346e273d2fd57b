package org.refcheck.report.cli;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The output directory of a check: {@code results.json}, {@code site/}, {@code verdicts/}, {@code logs/} and
 * {@code work/}. Verdicts, logs and work files of an earlier run are deleted first, so that nothing stale is ever
 * counted; the previous {@code results.json} and site stay until the new ones replace them.
 */
record RunDirectory(Path root) {

    static RunDirectory prepare(Path out) throws IOException {
        Path root = out.toAbsolutePath();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new UsageException("--out " + out + " is a file, not a directory");
        }
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UsageException("cannot create --out " + out + ": " + e.getMessage());
        }
        if (!Files.isWritable(root)) {
            throw new UsageException("--out " + out + " is not writable");
        }
        RunDirectory d = new RunDirectory(root);
        for (Path stale : new Path[] {d.verdicts(), d.logs(), d.work()}) {
            delete(stale);
        }
        Files.createDirectories(d.verdicts());
        Files.createDirectories(d.logs());
        Files.createDirectories(d.work());
        return d;
    }

    Path verdicts() {
        return root.resolve("verdicts");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path work() {
        return root.resolve("work");
    }

    Path results() {
        return root.resolve("results.json");
    }

    Path site() {
        return root.resolve("site");
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
