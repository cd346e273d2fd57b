package org.refcheck.report.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.refcheck.stress.catalogue.Catalogue;
import org.refcheck.stress.catalogue.Entry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code refcheck list}: the catalogue — every protocol and mutant, the bug it carries, what each checker must
 * conclude (with the reason where a checker is not expected to see a bug), and the kernel or Rust original.
 */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Refcheck.Version.class,
        usageHelpAutoWidth = true,
        description = "Print the catalogue: protocols, mutants, and what each checker must conclude.")
final class ListCommand implements Callable<Integer> {

    @Option(names = "--descriptions", description = "Also print every entry's description and original.")
    boolean descriptions;

    private final PrintStream console;

    ListCommand(PrintStream console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        console.print(Catalogue.render());
        console.println(Catalogue.entries().size() + " entries: " + Catalogue.correct().size() + " correct protocols, "
                + Catalogue.mutants().size() + " mutants");
        if (descriptions) {
            console.println();
            for (Entry e : Catalogue.entries()) {
                console.println(e.id() + (e.isMutant() ? " (" + e.bugId() + ")" : "") + ": " + e.description());
                console.println("    follows " + e.original());
            }
        }
        return Refcheck.EXIT_OK;
    }
}
