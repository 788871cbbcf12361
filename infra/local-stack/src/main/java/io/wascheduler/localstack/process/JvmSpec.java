package io.wascheduler.localstack.process;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run one JVM of the stack: its name (also its log file's), JVM options, what to run (an
 * executable jar or a main class on a class path), program arguments, extra environment and, for an HTTP
 * service, its health URL. Secrets go in the environment: unlike arguments, other users cannot list them.
 */
public record JvmSpec(
    String name, List<String> jvmOptions, List<String> launchTarget, List<String> arguments,
    Map<String, String> environment, URI healthUrl) {

    public JvmSpec {
        Objects.requireNonNull(name, "name");
        jvmOptions = List.copyOf(jvmOptions);
        launchTarget = List.copyOf(launchTarget);
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
    }

    public static List<String> executableJar(Path jar) {
        return List.of("-jar", jar.toString());
    }

    public static List<String> mainClass(String classpath, Class<?> main) {
        return List.of("-cp", classpath, main.getName());
    }

    /** The full command line, run with the same Java installation as this JVM. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(launchTarget);
        command.addAll(arguments);
        return command;
    }
}
