package org.refcheck.model.rt;

import java.util.Set;

/** Finds the protocol or test code that called into the facade: the first frame outside refcheck's own layers. */
final class SourceLocations {

    private static final Set<String> FACADE_PACKAGES = Set.of("org.refcheck.sync", "org.refcheck.backend",
            "org.refcheck.backend.production", "org.refcheck.lifetime", "org.refcheck.model.rt");

    private static final StackWalker WALKER = StackWalker.getInstance();

    private SourceLocations() {
    }

    static String callerOfFacade() {
        return WALKER.walk(frames -> frames
                .filter(f -> !FACADE_PACKAGES.contains(packageOf(f.getClassName())))
                .findFirst()
                .map(f -> f.getFileName() + ":" + f.getLineNumber() + " (" + simpleName(f.getClassName()) + "."
                        + f.getMethodName() + ")")
                .orElse(null));
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
