package io.wascheduler.localstack.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Small programs run as real processes by {@link ProcessLifecycleTest}. */
final class TestJvms {

    static final List<String> SMALL_JVM = List.of("-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private TestJvms() {
    }

    /** This module's classes, its test classes and its dependencies, as Maven listed them. */
    static String classpath() {
        Path listing = Path.of(System.getProperty("wa.launcher.classpath", "target/classpath.txt")).toAbsolutePath();
        try {
            return String.join(File.pathSeparator, Files.readString(listing).strip(),
                listing.resolveSibling("classes").toString(), listing.resolveSibling("test-classes").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JvmSpec spec(String name, Class<?> main, String... arguments) {
        return new JvmSpec(name, SMALL_JVM, JvmSpec.mainClass(classpath(), main), List.of(arguments), Map.of(), null);
    }

    /** Says something and fails, like a service with a bad configuration. */
    static final class ExitsAtOnce {
        public static void main(String[] args) {
            System.out.println("APPLICATION FAILED TO START: wa.api.admin-token must not be blank");
            System.exit(3);
        }
    }

    /** Runs until killed. */
    static final class RunsForever {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(Duration.ofHours(1));
        }
    }

    /** A launcher in miniature: a guarded group with one child; prints the child's pid, then waits to be killed. */
    static final class MiniLauncher {
        public static void main(String[] args) throws InterruptedException {
            Path logs = Path.of(args[0]);
            ProcessGroup group = ProcessGroup.guarded(classpath(), logs.resolve("orphan-guard.log"));
            ManagedProcess child = group.add(ManagedProcess.start(spec("child", RunsForever.class), logs.resolve("child.log")),
                Duration.ofSeconds(10));
            System.out.println("CHILD " + child.pid());
            System.out.flush();
            Thread.sleep(Duration.ofHours(1));
        }
    }
}
