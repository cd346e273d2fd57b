package org.refcheck.report.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A JVM the command starts for one runner: the same {@code java}, the command's own class path (plus a user's),
 * everything it prints (standard output and error together) copied to a log file and handed over line by line, so
 * that the runner's progress events reach the progress line and nothing it prints is lost.
 *
 * <p>Lines end at {@code \n} or {@code \r} (jcstress redraws its status line with carriage returns).
 */
final class ChildJvm {

    private final List<String> command = new ArrayList<>();

    /** {@code java -cp CLASSPATH [jvmArgs] MAIN}, arguments to follow with {@link #args}. */
    ChildJvm(String classPath, List<String> jvmArgs, String mainClass) {
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
    }

    ChildJvm args(List<String> args) {
        command.addAll(args);
        return this;
    }

    List<String> command() {
        return List.copyOf(command);
    }

    /**
     * Runs it in {@code workDir} to its end, appending its output to {@code log} and giving every line to
     * {@code onLine}; returns its exit status.
     */
    int run(Path workDir, Path log, Consumer<String> onLine) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        Process p = pb.start();
        // An interrupted command (Ctrl-C) takes its runner and the runner's own forks (jcstress's VMs) with it.
        Thread reaper = new Thread(() -> {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }, "refcheck-child-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        p.getOutputStream().close();
        try (OutputStream copy = Files.newOutputStream(log, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
             InputStream in = p.getInputStream()) {
            copy.write(("$ " + String.join(" ", command) + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] buffer = new byte[8192];
            StringBuilder line = new StringBuilder();
            java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();
            int n;
            while ((n = in.read(buffer)) > 0) {
                copy.write(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n' || b == '\r') {
                        line.append(pending.toString(StandardCharsets.UTF_8));
                        pending.reset();
                        if (line.length() > 0) {
                            onLine.accept(line.toString());
                        }
                        line.setLength(0);
                    } else {
                        pending.write(b);
                    }
                }
            }
            line.append(pending.toString(StandardCharsets.UTF_8));
            if (line.length() > 0) {
                onLine.accept(line.toString());
            }
        } catch (IOException e) {
            p.destroyForcibly();
            throw e;
        }
        int status = p.waitFor();
        Runtime.getRuntime().removeShutdownHook(reaper);
        return status;
    }

    /** The class path the command itself runs with, every entry absolute (children run elsewhere). */
    static String ownClassPath() {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(Path.of(e).toAbsolutePath().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
