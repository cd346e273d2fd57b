package org.refcheck.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Protocol code must reach shared memory only through the facade, or the model checker would not see it: no raw
 * {@code VarHandle}, no {@code java.util.concurrent.atomic}, no {@code synchronized}, no j.u.c locks. And every
 * protocol class names the kernel or Rust original it follows.
 */
class FacadeOnlyTest {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "java\\.lang\\.invoke|java\\.util\\.concurrent\\.atomic|java\\.util\\.concurrent\\.locks"
                    + "|\\bsynchronized\\b|\\bvolatile\\b|\\bUnsafe\\b|Thread\\.sleep|\\.wait\\(|\\.notify");

    /** A kernel, Rust or documentation source path such as {@code lib/refcount.c} or {@code kref.rst}. */
    private static final Pattern SOURCE_FILE = Pattern.compile("\\b[\\w-]+(/[\\w.-]+)*\\.(rs|c|h|rst)\\b");
    /** A bug of the catalogue, {@code B1} to {@code B99}. */
    private static final Pattern BUG_ID = Pattern.compile("\\bB[1-9][0-9]?\\b");

    private static List<Path> sources() throws IOException {
        Path root = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void protocolSourcesUseOnlyTheFacade() throws IOException {
        List<Path> files = sources();
        assertTrue(files.size() > 1, "no protocol sources found under src/main/java");
        List<String> offences = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String code = lines.get(i).replaceAll("//.*", "");
                if (code.trim().startsWith("*") || code.trim().startsWith("/*")) {
                    continue; // comments may name what the code avoids
                }
                if (FORBIDDEN.matcher(code).find()) {
                    offences.add(file + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }
        assertEquals(List.of(), offences, "protocol code bypasses the facade");
    }

    @Test
    void everyTopLevelProtocolClassNamesItsOriginal() throws IOException {
        List<String> unnamed = new ArrayList<>();
        for (Path file : sources()) {
            if (file.getFileName().toString().equals("package-info.java")) {
                continue;
            }
            String text = Files.readString(file);
            if (!SOURCE_FILE.matcher(text).find() && !BUG_ID.matcher(text).find()) {
                unnamed.add(file.toString());
            }
        }
        assertEquals(List.of(), unnamed, "each class must name the kernel or Rust source file it follows "
                + "(e.g. include/linux/refcount.h), or, for a mutant, the bug of the catalogue it reproduces (e.g. B10)");
    }
}
