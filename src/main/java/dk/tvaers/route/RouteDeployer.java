package dk.tvaers.route;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.xml.ModelException;
import org.xml.sax.SAXParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys BPMN files into the engine: a batch whose every file is its process's latest version makes no
 * new version, a changed one does. A file that does not parse, breaks one of the product's rules
 * ({@link ProcessRules}) or does not validate in the engine is rejected with file, element, line and
 * reason, and nothing of the batch is deployed.
 */
public class RouteDeployer {

    static final String DEPLOYMENT_NAME = "tvaers-processes";
    /** Duplicate filtering compares only deployments of the same name and source. */
    static final String DEPLOYMENT_SOURCE = "processes";
    private static final Logger log = LoggerFactory.getLogger(RouteDeployer.class);

    private final RepositoryService repository;
    private final ProcessRules rules;

    public RouteDeployer(RepositoryService repository, ProcessRules rules) {
        this.repository = repository;
        this.rules = rules;
    }

    /** Every {@code *.bpmn} file of a folder, by file name. */
    public static Map<String, byte[]> readFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidProcessException(List.of(new InvalidProcessException.Problem(folder.toString(), null, 0,
                    "mappen med processer findes ikke (sæt tvaers.processes.dir)")));
        }
        try (Stream<Path> files = Files.list(folder)) {
            Map<String, byte[]> byName = new java.util.TreeMap<>();
            files.filter(p -> p.getFileName().toString().endsWith(".bpmn")).forEach(p -> byName.put(p.getFileName().toString(), read(p)));
            return byName;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The files whose content no version of their process has had: a restart deploys the shipped
     * folder again, and must not bring back a file a process owner has since deployed a newer version
     * over. ({@link #deploy} compares with the latest version only.)
     */
    public Map<String, byte[]> notDeployedBefore(Map<String, byte[]> files) {
        Map<String, byte[]> fresh = new java.util.TreeMap<>();
        files.forEach((name, content) -> {
            List<String> keys;
            try {
                keys = Bpmn.readModelFromStream(new ByteArrayInputStream(content))
                        .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).stream()
                        .map(org.camunda.bpm.model.bpmn.instance.Process::getId).toList();
            } catch (ModelException e) {
                fresh.put(name, content);
                return;
            }
            boolean seen = !keys.isEmpty() && keys.stream().allMatch(key -> repository.createProcessDefinitionQuery().processDefinitionKey(key).list()
                    .stream().anyMatch(definition -> java.util.Arrays.equals(model(definition.getId()), content)));
            if (!seen) {
                fresh.put(name, content);
            }
        });
        return fresh;
    }

    private byte[] model(String definitionId) {
        try (var in = repository.getProcessModel(definitionId)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks the files as a deployment would, before the engine's parser: well-formed BPMN the schema
     * accepts, and the product's rules ({@link ProcessRules}).
     *
     * @throws InvalidProcessException with file, element, line and reason
     */
    public void check(Map<String, byte[]> files) {
        if (files.isEmpty()) {
            throw new InvalidProcessException(List.of(new InvalidProcessException.Problem(DEPLOYMENT_SOURCE, null, 0, "ingen .bpmn-filer at deploye")));
        }
        List<InvalidProcessException.Problem> unreadable = new ArrayList<>();
        files.forEach((name, content) -> readable(name, content).ifPresent(unreadable::add));
        if (!unreadable.isEmpty()) {
            throw new InvalidProcessException(unreadable);
        }
        List<InvalidProcessException.Problem> broken = rules.check(files);
        if (!broken.isEmpty()) {
            throw new InvalidProcessException(broken);
        }
    }

    /** Checks and deploys the files; returns the process definitions that are new versions. */
    public List<ProcessDefinition> deploy(Map<String, byte[]> files) {
        check(files);
        if (unchanged(files)) {
            return List.of();
        }
        DeploymentBuilder builder = repository.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_SOURCE);
        files.forEach((name, content) -> builder.addInputStream(name, new ByteArrayInputStream(content)));
        try {
            DeploymentWithDefinitions deployment = builder.deployWithResult();
            List<ProcessDefinition> deployed = deployment.getDeployedProcessDefinitions() == null
                    ? List.of() : deployment.getDeployedProcessDefinitions();
            deployed.forEach(d -> log.info("Proces deployet: {} version {} fra {}", d.getKey(), d.getVersion(), d.getResourceName()));
            return deployed;
        } catch (ParseException e) {
            throw new InvalidProcessException(problems(e));
        }
    }

    /**
     * True when every process of every file is, byte for byte, its latest version's file: then a deployment would
     * only make a copy. Compared with the latest version by number, not with the engine's duplicate filter, which
     * compares with the deployment of the latest time (a clock set back makes an older deployment look latest).
     */
    private boolean unchanged(Map<String, byte[]> files) {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Collection<org.camunda.bpm.model.bpmn.instance.Process> processes = Bpmn.readModelFromStream(new ByteArrayInputStream(file.getValue()))
                    .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class);
            if (processes.isEmpty()) {
                return false;
            }
            for (org.camunda.bpm.model.bpmn.instance.Process process : processes) {
                ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(process.getId()).latestVersion().singleResult();
                if (latest == null || !file.getKey().equals(latest.getResourceName())) {
                    return false;
                }
                try (java.io.InputStream deployed = repository.getResourceAsStream(latest.getDeploymentId(), latest.getResourceName())) {
                    if (!java.util.Arrays.equals(deployed.readAllBytes(), file.getValue())) {
                        return false;
                    }
                } catch (java.io.IOException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Well-formed BPMN 2.0 XML that the schema accepts, checked file by file so the file is named. */
    private static java.util.Optional<InvalidProcessException.Problem> readable(String name, byte[] content) {
        try {
            Bpmn.readModelFromStream(new ByteArrayInputStream(content));
            return java.util.Optional.empty();
        } catch (ModelException e) {
            Throwable root = e;
            int line = 0;
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                root = cause;
                if (cause instanceof SAXParseException sax && line == 0) {
                    line = sax.getLineNumber();
                }
                java.util.regex.Matcher number = java.util.regex.Pattern.compile("(?:lineNumber: |Line=)(\\d+)").matcher(String.valueOf(cause.getMessage()));
                if (line == 0 && number.find()) {
                    line = Integer.parseInt(number.group(1));
                }
            }
            return java.util.Optional.of(new InvalidProcessException.Problem(name, null, line, root.getMessage()));
        }
    }

    private static List<InvalidProcessException.Problem> problems(ParseException e) {
        List<InvalidProcessException.Problem> problems = new ArrayList<>();
        e.getResorceReports().forEach(report -> report.getErrors().forEach(problem -> problems.add(
                new InvalidProcessException.Problem(report.getResourceName(),
                        problem.getMainElementId() != null ? problem.getMainElementId()
                                : problem.getElementIds() == null || problem.getElementIds().isEmpty() ? null : String.join(", ", problem.getElementIds()),
                        problem.getLine(), problem.getMessage()))));
        if (problems.isEmpty()) {
            problems.add(new InvalidProcessException.Problem("(ukendt fil)", null, 0, e.getMessage()));
        }
        return problems;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
