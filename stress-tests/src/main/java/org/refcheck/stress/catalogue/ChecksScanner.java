package org.refcheck.stress.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds every {@link Checks} annotation in a directory of compiled classes and reports those naming an entry the
 * {@link Catalogue} does not have.
 *
 * <pre> {@code
 * List<String> problems = ChecksScanner.unknownIds(Path.of("target/classes"), getClass().getClassLoader());
 * }</pre>
 *
 * <p>Classes are loaded without being initialised, so scanning runs no test code.
 */
public final class ChecksScanner {

    private ChecksScanner() {
    }

    /** One {@code @Checks} use: where it is, and the ids it names. */
    public record Use(String where, String protocol, String variant) {

        /** {@code protocol/variant}. */
        public String id() {
            return protocol + "/" + variant;
        }
    }

    /** Every {@code @Checks} on a class or method compiled into {@code classesDir}. */
    public static List<Use> uses(Path classesDir, ClassLoader loader) {
        List<Use> uses = new ArrayList<>();
        for (String className : classNames(classesDir)) {
            Class<?> type;
            try {
                type = Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load " + className + " from " + classesDir, e);
            }
            add(uses, type.getName(), type);
            for (Method m : type.getDeclaredMethods()) {
                add(uses, type.getName() + "." + m.getName() + "()", m);
            }
        }
        return uses;
    }

    /** One line per {@code @Checks} in {@code classesDir} that names no catalogue entry. */
    public static List<String> unknownIds(Path classesDir, ClassLoader loader) {
        List<String> problems = new ArrayList<>();
        for (Use use : uses(classesDir, loader)) {
            if (Catalogue.find(use.protocol(), use.variant()).isEmpty()) {
                problems.add("@Checks on " + use.where() + ": "
                        + Catalogue.unknown(use.protocol(), use.variant()));
            }
        }
        return problems;
    }

    private static void add(List<Use> uses, String where, AnnotatedElement element) {
        Catalogue.checksOf(element).ifPresent(c -> uses.add(new Use(where, c.protocol(), c.variant())));
    }

    private static List<String> classNames(Path classesDir) {
        if (!Files.isDirectory(classesDir)) {
            throw new IllegalArgumentException("no classes directory " + classesDir);
        }
        try (Stream<Path> files = Files.walk(classesDir)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classesDir.relativize(p).toString())
                    .filter(name -> !name.endsWith("module-info.class") && !name.endsWith("package-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length())
                            .replace(java.io.File.separatorChar, '.'))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
