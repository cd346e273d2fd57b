package org.refcheck.stress.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every {@code @Checks} compiled into this module names a catalogue entry. */
class ChecksAnnotationsTest {

    private static final String FIXTURE = CatalogueTest.WronglyAnnotated.class.getName();

    /** Test fixtures that carry a wrong {@code @Checks} on purpose. */
    private static final List<String> DELIBERATELY_WRONG = List.of(FIXTURE,
            "org.refcheck.stress.gate.JcstressResultsTest$WrongId");

    @Test
    void everyChecksInMainAndTestClassesNamesACatalogueEntry() {
        ClassLoader loader = getClass().getClassLoader();
        for (Path dir : List.of(Path.of("target", "classes"), Path.of("target", "test-classes"))) {
            List<String> problems = ChecksScanner.unknownIds(dir, loader).stream()
                    .filter(p -> DELIBERATELY_WRONG.stream().noneMatch(p::contains))
                    .collect(Collectors.toList());
            assertEquals(List.of(), problems, "in " + dir);
        }
    }

    @Test
    void theScannerReportsAnUnknownId() {
        List<String> problems = ChecksScanner.unknownIds(Path.of("target", "test-classes"),
                getClass().getClassLoader());
        List<String> fixture = problems.stream().filter(p -> p.contains(FIXTURE)).collect(Collectors.toList());
        assertEquals(1, fixture.size(), problems.toString());
        assertTrue(fixture.get(0).contains("no variant 'no-such-bug' of ref"), fixture.get(0));
    }

    @Test
    void theScannerFindsAnnotatedClasses() {
        List<ChecksScanner.Use> uses = ChecksScanner.uses(Path.of("target", "test-classes"),
                getClass().getClassLoader());
        assertTrue(uses.stream().anyMatch(u -> u.id().equals("ref/touch-after-dec")), uses.toString());
    }
}
