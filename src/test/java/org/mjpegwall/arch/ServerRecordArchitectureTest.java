package org.mjpegwall.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mjpegwall.arch.ArchitectureRules.MAIN;
import static org.mjpegwall.arch.ArchitectureRules.mayNotUse;
import static org.mjpegwall.arch.ArchitectureRules.usedOnlyBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The layering of {@code server}, {@code record}, {@code config} and {@code demo} (R11 layout): each uses only the
 * packages below it, so a recorder can run without a network and a config can be read without a camera.
 */
class ServerRecordArchitectureTest {
    private static final String[] JDK_AND_LIBRARIES = {"java..", "javax.imageio..", "com.fasterxml.jackson..",
        "org.slf4j..", "org.w3c.dom.."};
    /** DemoServer and its nested classes. */
    private static final String DEMO_SERVER = "org\\.mjpegwall\\.demo\\.DemoServer(\\$.*)?";

    private static String[] with(String... packages) {
        String[] all = new String[JDK_AND_LIBRARIES.length + packages.length];
        System.arraycopy(JDK_AND_LIBRARIES, 0, all, 0, JDK_AND_LIBRARIES.length);
        System.arraycopy(packages, 0, all, JDK_AND_LIBRARIES.length, packages.length);
        return all;
    }

    /** The classes in {@code packageOfClasses} use only the JDK, the libraries and {@code packages}. */
    private static ArchRule usesOnly(String packageOfClasses, String... packages) {
        return classes().that().resideInAPackage(packageOfClasses)
                .should().onlyDependOnClassesThat().resideInAnyPackage(with(packages));
    }

    @Test
    void recordUsesOnlyFrameAndUtil() {
        usesOnly("org.mjpegwall.record..", "org.mjpegwall.record..", "org.mjpegwall.frame", "org.mjpegwall.util..")
                .because("a recorder takes frames, not connections, and runs without the wall")
                .check(MAIN);
    }

    @Test
    void recordDoesNoNetworkingAtAll() {
        mayNotUse("org.mjpegwall.record..", "java.net..", "javax.net..", "com.sun.net.httpserver..", "java.net.http..")
                .because("recording works on files only; a camera's connection is a source's business")
                .check(MAIN);
    }

    @Test
    void serverUsesOnlyFrameSourceAndUtil() {
        usesOnly("org.mjpegwall.server..", "org.mjpegwall.server..", "org.mjpegwall.frame", "org.mjpegwall.source",
                "org.mjpegwall.util..", "com.sun.net.httpserver..")
                .because("the server serves frames from hubs; sources feed them through the frame core")
                .check(MAIN);
    }

    @Test
    void onlyTheServerSpeaksHttpAsAServer() {
        usedOnlyBy("com.sun.net.httpserver..", "org.mjpegwall.server..")
                .because("one HTTP server, with one set of guards (ConnectionGuard, LoginGuard)")
                .check(MAIN);
    }

    @Test
    void configUsesOnlyFrameAndUtil() {
        usesOnly("org.mjpegwall.config..", "org.mjpegwall.config..", "org.mjpegwall.frame", "org.mjpegwall.util..")
                .because("reading and checking a config needs no camera and no window")
                .check(MAIN);
    }

    @Test
    void demoCamerasUseOnlyFrameAndUtil() {
        classes().that().resideInAPackage("org.mjpegwall.demo..").and().haveNameNotMatching(DEMO_SERVER)
                .should().onlyDependOnClassesThat().resideInAnyPackage(with("org.mjpegwall.demo..",
                        "org.mjpegwall.frame", "org.mjpegwall.util..", "java.awt.."))
                .because("demo cameras make frames, usable by tests and benchmarks of any package")
                .check(MAIN);
    }

    @Test
    void theDemoServerServesThroughTheProjectsOwnServerOnly() {
        classes().that().haveNameMatching(DEMO_SERVER)
                .should().onlyDependOnClassesThat().resideInAnyPackage(with("org.mjpegwall.demo..",
                        "org.mjpegwall.frame", "org.mjpegwall.util..", "org.mjpegwall.server"))
                .because("the demo server is demo cameras behind an MjpegServer, the one exception to demo's layer")
                .check(MAIN);
    }

    @Test
    void classNamesInTheseAreasAreUniqueAcrossTheProgram() {
        // given every top-level main class, by simple name
        Map<String, List<String>> byName = MAIN.stream().filter(JavaClass::isTopLevelClass)
                .collect(Collectors.groupingBy(JavaClass::getSimpleName,
                        Collectors.mapping(JavaClass::getName, Collectors.toList())));

        // then no class of server, record, config or demo shares its simple name with another
        Map<String, List<String>> clashes = byName.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .filter(e -> e.getValue().stream().anyMatch(n -> n.matches(
                        "org\\.mjpegwall\\.(server|record|config|demo)\\..*")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(Map.of(), clashes);
    }
}
