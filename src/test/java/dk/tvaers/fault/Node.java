package dk.tvaers.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Tværs node as an operator runs it: the build's jar started with {@code java -jar} in a process of its own,
 * on a port of its own, its output in {@code target/fault/<name>.log}. It can be stopped as an orchestrator stops
 * it ({@code SIGTERM}) or killed as a crash kills it ({@code SIGKILL}: no shutdown hook, no flush, no goodbye).
 */
final class Node implements AutoCloseable {

    /** The jar the build made (the fault profile runs after {@code package}). */
    static Path jar() {
        String path = System.getProperty("tvaers.fault.jar");
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("Fejlsuiten kører mod den byggede jar (" + path + "): kør ./mvnw -Pfault verify");
        }
        return Path.of(path);
    }

    private final String name;
    private final int port;
    private final List<String> arguments;
    private final Path log;
    private Path folder = Path.of("").toAbsolutePath();
    private Process process;

    private Node(String name, List<String> arguments) {
        this.name = name;
        this.port = freePort();
        this.arguments = List.copyOf(arguments);
        this.log = Path.of("target", "fault", name + ".log").toAbsolutePath();
    }

    /** A node on a PostgreSQL database of the local server; {@code demo} seeds the demo's users (only the first start needs it). */
    static Node postgres(String name, String database, boolean demo, String... extra) {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=" + (demo ? "postgres,demo" : "postgres"),
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database));
        arguments.addAll(List.of(extra));
        return new Node(name, arguments);
    }

    /**
     * The single-node installation as the README starts it: the demo on the default H2 file database, {@code ./data}
     * under the node's working folder {@code folder}, with the repository's processes and rules.
     */
    static Node h2(String name, Path folder) {
        Node node = new Node(name, List.of("--spring.profiles.active=demo",
                "--tvaers.processes.dir=" + Path.of("processes").toAbsolutePath(), "--tvaers.rules.dir=" + Path.of("rules").toAbsolutePath()));
        node.folder = folder.toAbsolutePath();
        return node;
    }

    /** The H2 file database of a node started by {@link #h2}, to open once the node is down. */
    static String h2Url(Path folder) {
        return "jdbc:h2:file:" + folder.toAbsolutePath().resolve("data").resolve("tvaers");
    }

    String name() {
        return name;
    }

    String base() {
        return "http://localhost:" + port;
    }

    /** Starts the process and returns at once. */
    Node start() {
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(java(), "-Xmx768m",
                    "-Duser.timezone=Europe/Copenhagen", "-jar", jar().toAbsolutePath().toString(), "--server.port=" + port));
            command.addAll(arguments);
            process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the node's readiness probe answers 200; fails with the end of its log when it dies or takes too long. */
    Node awaitReady(Duration atMost) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long until = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " stoppede under opstarten (kode " + process.exitValue() + "):\n" + tail());
            }
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " blev ikke klar på " + atMost + ":\n" + tail());
    }

    /** {@code kill -9}: the process ends at once, with whatever it had in flight. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** {@code SIGTERM}: Spring Boot's graceful shutdown. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** The last lines of the node's log, for a failure's message. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(ingen log: " + e.getMessage() + ")";
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
