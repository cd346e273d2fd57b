package org.refcheck.report.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code refcheck} command line.
 *
 * <pre>
 * ./refcheck check                          # the whole catalogue, default mode, report opened when done
 * ./refcheck check -p kref-table-mutex -c model,lincheck
 * ./refcheck check --shard 3/8 --run nightly --out shard-3     # one of eight machines
 * ./refcheck report shard-*&#47;results.json --out site         # merge the shards into one report
 * ./refcheck check --classpath target/classes:target/test-classes --suite com.example.MyRefcountTest
 * ./refcheck replay --test 'Class#method [shape]' 0*3.1*2.0
 * ./refcheck list
 * </pre>
 *
 * <p>Exit status: {@value #EXIT_OK} every verdict as the catalogue demands; {@value #EXIT_VERDICTS} a correct
 * protocol flagged, a mutant missed or a check broken; {@value #EXIT_USAGE} bad input, with one line saying what is
 * wrong; {@value #EXIT_BROKEN} the run could not complete.
 */
@Command(name = "refcheck", mixinStandardHelpOptions = true, versionProvider = Refcheck.Version.class,
        usageHelpAutoWidth = true,
        description = "Checks reference-counting and RCU lifetime protocols with jcstress, Lincheck and refcheck's "
                + "own model checker, and holds every verdict to the catalogue of protocols and known bugs.")
public final class Refcheck implements Runnable {

    static final int EXIT_OK = 0;
    static final int EXIT_VERDICTS = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_BROKEN = 3;

    private final PrintStream console;
    private final CommandLine.Model.CommandSpec[] spec = new CommandLine.Model.CommandSpec[1];

    private Refcheck(PrintStream console) {
        this.console = console;
    }

    public static void main(String[] args) {
        System.exit(execute(System.out, System.err, args));
    }

    /** Runs one command line; returns its exit status. */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        Refcheck top = new Refcheck(out);
        CommandLine cl = new CommandLine(top)
                .addSubcommand(new CheckCommand(out))
                .addSubcommand(new ReportCommand(out))
                .addSubcommand(new ReplayCommand(out))
                .addSubcommand(new ListCommand(out));
        top.spec[0] = cl.getCommandSpec();
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setParameterExceptionHandler((e, a) -> {
            String command = e.getCommandLine().getCommandName();
            err.println("refcheck: " + e.getMessage() + " (see: refcheck "
                    + (command.equals("refcheck") ? "" : command + " ") + "--help)");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageException) {
                err.println("refcheck: " + e.getMessage());
                return EXIT_USAGE;
            }
            err.println("refcheck: the run could not complete: " + e);
            return EXIT_BROKEN;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec[0].commandLine().usage(console);
    }

    /** The refcheck version, from the jar's Maven metadata ({@code dev} when run from classes). */
    static String version() {
        try (InputStream in = Refcheck.class.getResourceAsStream(
                "/META-INF/maven/org.refcheck/refcheck-reports/pom.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    /** picocli's {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"refcheck " + version() + " (JDK " + System.getProperty("java.version") + ")"};
        }
    }
}
