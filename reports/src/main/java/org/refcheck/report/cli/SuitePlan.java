package org.refcheck.report.cli;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.refcheck.model.junit.ModelCheck;
import org.refcheck.stress.catalogue.Catalogue;
import org.refcheck.stress.catalogue.Checks;
import org.refcheck.stress.gate.DeclaredTest;
import org.refcheck.stress.gate.JcstressResults;

/**
 * Finds the units of a run without running anything: the jcstress tests {@code META-INF/TestList} declares, the
 * JUnit methods of the Lincheck and model-checker suites (tagged {@code lincheck} and {@code model} in the package
 * {@value #SUITES}), and the test methods of a user's suite classes. Each unit carries the catalogue entry its
 * {@code @Checks} names (a user method: its {@code @ModelCheck}'s protocol and variant).
 */
final class SuitePlan {

    /** The package of the catalogue's suites. */
    static final String SUITES = "org.refcheck.stress";

    private SuitePlan() {
    }

    /** Every jcstress test of the catalogue. */
    static List<WorkUnit> jcstress() {
        List<WorkUnit> units = new ArrayList<>();
        for (DeclaredTest t : JcstressResults.declared(".*", SuitePlan.class.getClassLoader())) {
            String protocol = t.entry() != null ? t.entry().protocol() : "selfcheck";
            String variant = t.entry() != null ? t.entry().variant() : simpleName(t.name());
            units.add(new WorkUnit(WorkUnit.Kind.JCSTRESS, t.name(), simpleName(t.name()), protocol, variant));
        }
        return units;
    }

    /** Every method of the catalogue's JUnit suites with the given tag ({@code lincheck} or {@code model}). */
    static List<WorkUnit> junitSuites(WorkUnit.Kind kind, String tag) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectPackage(SUITES))
                .filters(TagFilter.includeTags(tag))
                .build();
        return methods(kind, request, SuitePlan::catalogueEntry);
    }

    /**
     * Every test method of the user's suite classes, found on the command's class path followed by
     * {@code userPath}; a class that is not there is a usage error naming it.
     */
    static List<WorkUnit> userSuites(List<String> classes, List<java.nio.file.Path> userPath) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (java.net.URLClassLoader loader = UserClassPath.loader(userPath)) {
            for (String c : classes) {
                try {
                    Class.forName(c, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new UsageException("no suite class " + c + " on the class path"
                            + (userPath.isEmpty() ? " (give your classes with --classpath)" : ""));
                }
            }
            Thread.currentThread().setContextClassLoader(loader);
            return userSuites(classes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Every test method of the user's suite classes, loaded by the thread's context class loader. */
    private static List<WorkUnit> userSuites(List<String> classes) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (String c : classes) {
            selectors.add(DiscoverySelectors.selectClass(c));
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
        return methods(WorkUnit.Kind.USER, request, SuitePlan::userEntry);
    }

    private static List<WorkUnit> methods(WorkUnit.Kind kind, LauncherDiscoveryRequest request,
                                          Function<Method, String[]> entryOf) {
        TestPlan plan = LauncherFactory.create().discover(request);
        List<WorkUnit> units = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier id : plan.getDescendants(root)) {
                if (!(id.getSource().orElse(null) instanceof MethodSource source)) {
                    continue;
                }
                boolean topLevel = id.getParentIdObject().map(plan::getTestIdentifier)
                        .flatMap(TestIdentifier::getSource).map(s -> s instanceof ClassSource).orElse(false);
                if (!topLevel) {
                    continue;
                }
                String[] entry = entryOf.apply(source.getJavaMethod());
                units.add(new WorkUnit(kind, id.getUniqueId(),
                        simpleName(source.getClassName()) + "#" + source.getMethodName(), entry[0], entry[1]));
            }
        }
        return units;
    }

    /** protocol and variant of a catalogue suite method, from its {@code @Checks} or its class's. */
    private static String[] catalogueEntry(Method m) {
        Optional<Checks> checks = Catalogue.checksOf(m).or(() -> Catalogue.checksOf(m.getDeclaringClass()));
        return checks.map(c -> new String[] {c.protocol(), c.variant()})
                .orElse(new String[] {"selfcheck", m.getName()});
    }

    /**
     * protocol and variant of a user's test method: {@code @ModelCheck}'s, else the class's simple name and
     * {@code correct} (a method expecting a failure: its own name).
     */
    static String[] userEntry(Method m) {
        ModelCheck mc = m.getAnnotation(ModelCheck.class);
        String protocol = mc != null && !mc.protocol().isBlank() ? mc.protocol()
                : m.getDeclaringClass().getSimpleName();
        String variant = mc != null && !mc.variant().isBlank() ? mc.variant()
                : mc != null && mc.expectFailure() ? m.getName() : "correct";
        return new String[] {protocol, variant};
    }

    /** The class name without its package: {@code KrefTests.GetAfterHandoff}. */
    static String simpleName(String className) {
        String[] parts = className.replace('$', '.').split("\\.");
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isEmpty() && Character.isUpperCase(parts[i].charAt(0))) {
                return String.join(".", java.util.Arrays.copyOfRange(parts, i, parts.length));
            }
        }
        return className;
    }
}
