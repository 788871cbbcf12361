package io.wascheduler.benchmarks.webhook;

import java.util.HashMap;
import java.util.Map;

/** {@code --name=value} arguments of a benchmark, with defaults. */
public final class Options {

    private Options() {
    }

    public static Map<String, String> strings(String[] args, Map<String, String> defaults) {
        Map<String, String> options = new HashMap<>(defaults);
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Expected --name=value, got " + arg);
            }
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return options;
    }

    public static Map<String, Integer> integers(String[] args, Map<String, Integer> defaults) {
        Map<String, String> textDefaults = new HashMap<>();
        defaults.forEach((name, value) -> textDefaults.put(name, value.toString()));
        Map<String, Integer> options = new HashMap<>();
        strings(args, textDefaults).forEach((name, value) -> options.put(name, Integer.parseInt(value)));
        return options;
    }
}
