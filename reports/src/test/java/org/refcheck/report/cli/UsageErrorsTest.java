package org.refcheck.report.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input is one line on standard error and exit status 2, before anything runs; never a stack trace. */
class UsageErrorsTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "check --protocol kref-tabel-mutex            | unknown protocol 'kref-tabel-mutex' (did you mean 'kref-table-mutex'?)",
            "check --checker lincheK2                     | unknown checker 'lincheK2' (did you mean 'lincheck'?)",
            "check -p ref --variant touch-after-decr      | unknown variant 'touch-after-decr' of ref (did you mean 'touch-after-dec'?)",
            "check --mode fulll                           | unknown mode 'fulll' (did you mean 'full'?)",
            "check --shard 2of3                           | bad shard spec '2of3': expected K/N",
            "check --shard 0/3                            | bad shard 0/3: expected K/N with 1 <= K <= N",
            "check --shard 4/3                            | bad shard 4/3",
            "check --cpus 0                               | --cpus must be at least 1",
            "check --classpath /no/such/dir --suite a.B   | class path entry /no/such/dir does not exist",
            "check --suite org.example.NoSuchSuite        | no suite class org.example.NoSuchSuite on the class path",
            "check --classpath .                          | say which suite to run with --suite CLASS",
            "check --frobnicate                           | Unknown option: '--frobnicate'",
            "report --out site /no/such/results.json      | no results file /no/such/results.json",
            "report /no/such/results.json                 | Missing required option: '--out=DIR'",
            "replay --test A#b 0*x                        | bad schedule '0*x'",
            "replay --test NoHash 0                       | bad check 'NoHash'",
            "replay --test org.example.NoSuch#m 0         | no suite class org.example.NoSuch on the class path",
            "frob                                         | Unmatched argument at index 0: 'frob'",
    })
    void isOneLineAndStatusTwo(String command, String message) {
        CommandRun run = CommandRun.of(command.trim().split("\\s+"));
        assertEquals(Refcheck.EXIT_USAGE, run.status(), run::toString);
        assertTrue(run.err().startsWith("refcheck: "), run::toString);
        assertTrue(run.err().contains(message.trim()), run::toString);
        assertEquals(1, run.err().strip().lines().count(), run::toString);
        assertFalse(run.err().contains("\tat "), run::toString);
    }

    @Test
    void anUnreadableClassPathEntryIsRefused() throws Exception {
        Path locked = Files.createDirectory(tmp.resolve("locked"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("---------")));
        CommandRun run = CommandRun.of("check", "--classpath", locked.toString(), "--suite", "a.B");
        if (Files.isReadable(locked)) {
            // root reads everything: the permission cannot make it unreadable, so test a non-jar file instead
            Path notAJar = Files.writeString(tmp.resolve("classes.txt"), "x");
            run = CommandRun.of("check", "--classpath", notAJar.toString(), "--suite", "a.B");
            assertTrue(run.err().contains("is neither a directory nor a jar"), run::toString);
        } else {
            assertTrue(run.err().contains("is not readable"), run::toString);
        }
        assertEquals(Refcheck.EXIT_USAGE, run.status(), run::toString);
    }

    @Test
    void anOutputPathThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        CommandRun run = CommandRun.of("check", "-p", "ref", "-c", "model", "--out", file.toString());
        assertEquals(Refcheck.EXIT_USAGE, run.status(), run::toString);
        assertTrue(run.err().contains("is a file, not a directory"), run::toString);
    }
}
