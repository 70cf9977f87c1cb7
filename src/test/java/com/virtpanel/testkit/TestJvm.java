package com.virtpanel.testkit;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command that starts {@code main} in a JVM of its own with this test JVM's Java, classpath and host resources. */
final class TestJvm {

    private TestJvm() {
    }

    static List<String> command(Class<?> main, String... jvmOptions) {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(compilerOptionsOfThisJvm());
        // the fork number picks this JVM's host resources (TestHost): without it a panel started
        // from the second fork would provision into the first fork's pool, network and log directory
        command.add("-Dvp.test.fork=" + System.getProperty("vp.test.fork", ""));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        return command;
    }

    /** A panel the suite starts compiles as the suite's own JVMs do (pom.xml, vp.testJit). */
    private static List<String> compilerOptionsOfThisJvm() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("-XX:TieredStopAtLevel"))
                .toList();
    }
}
