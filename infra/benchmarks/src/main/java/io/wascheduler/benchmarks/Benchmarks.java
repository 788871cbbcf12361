package io.wascheduler.benchmarks;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code ./dev bench NAME [args]}: runs the benchmark class named after NAME ({@code release-precision}
 * runs {@code ReleasePrecisionBenchmark} in this package or a sub-package listed below).
 */
public final class Benchmarks {

    private static final String[] PACKAGES = {"", "ladder.", "sending.", "webhook.", "campaign.", "projector."};

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: ./dev bench NAME [args]   (see docs/benchmarks.md for the names)");
            System.exit(2);
        }
        String simpleName = className(args[0]);
        Class<?> benchmark = find(simpleName);
        Method main = benchmark.getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    static String className(String name) {
        StringBuilder className = new StringBuilder();
        for (String part : name.split("-")) {
            if (!part.isEmpty()) {
                className.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return className.append("Benchmark").toString();
    }

    private static Class<?> find(String simpleName) {
        for (String subPackage : PACKAGES) {
            try {
                return Class.forName(Benchmarks.class.getPackageName() + "." + subPackage + simpleName);
            } catch (ClassNotFoundException ignored) {
                // try the next package
            }
        }
        throw new IllegalArgumentException("No benchmark class " + simpleName + "; see docs/benchmarks.md");
    }
}
