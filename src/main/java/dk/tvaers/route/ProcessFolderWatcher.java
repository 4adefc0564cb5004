package dk.tvaers.route;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot reload for development (profile {@code dev}, {@link DevelopmentReload}): a {@code .bpmn} file saved
 * in the processes folder is validated and deployed as a deployment from the page or the API is (the same
 * {@link ProcessDeployments#deploy}, by {@code dev}); a refused file is logged with file, line, element and
 * reason, and the running version keeps serving. An unchanged file makes no new version.
 */
public final class ProcessFolderWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProcessFolderWatcher.class);
    static final String DEPLOYED_BY = "dev";

    private final Path folder;
    private final ProcessDeployments deployments;
    private final WatchService watcher;
    private final Thread thread;
    private final List<String> outcomes = new CopyOnWriteArrayList<>();

    public ProcessFolderWatcher(Path folder, ProcessDeployments deployments) {
        this.folder = folder.toAbsolutePath().normalize();
        this.deployments = deployments;
        try {
            this.watcher = folder.getFileSystem().newWatchService();
            this.folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException e) {
            throw new UncheckedIOException("Kan ikke følge mappen " + folder, e);
        }
        this.thread = new Thread(this::watch, "tvaers-process-reload");
        this.thread.setDaemon(true);
    }

    public ProcessFolderWatcher start() {
        thread.start();
        log.info("Udvikling: BPMN-filer gemt i {} valideres og deployes med det samme", folder);
        return this;
    }

    /** What each reload did, newest last ("deployed …", "unchanged …", "refused …"): for the log and the tests. */
    public List<String> outcomes() {
        return List.copyOf(outcomes);
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name && name.toString().endsWith(".bpmn")) {
                        reload(folder.resolve(name));
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deploys one saved file; never throws, so one bad save does not stop the watching. */
    void reload(Path file) {
        String name = file.getFileName().toString();
        try {
            byte[] content = Files.readAllBytes(file);
            if (content.length == 0) {
                return; // an editor truncates before it writes: the next event brings the content
            }
            ProcessDeployments.Deployed deployed = deployments.deploy(Map.of(name, content), DEPLOYED_BY, "Gemt i " + folder.getFileName());
            String outcome = deployed.definitions().isEmpty() ? "unchanged " + name
                    : "deployed " + name + " as " + deployed.definitions().stream().map(d -> d.key() + " version " + d.version()).toList();
            outcomes.add(outcome);
            log.info("Udvikling: {}", outcome);
        } catch (InvalidProcessException e) {
            outcomes.add("refused " + name + ": " + e.getMessage());
            e.problems().forEach(p -> log.warn("Udvikling: {} afvist, linje {}, element {}: {}", p.file(), p.line(), p.element(), p.message()));
        } catch (IOException | RuntimeException e) {
            outcomes.add("failed " + name + ": " + e.getMessage());
            log.warn("Udvikling: {} kunne ikke deployes: {}", name, e.toString());
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            watcher.close();
        } catch (IOException e) {
            log.debug("Lukning af mappeovervågningen", e);
        }
    }
}
