package dk.tvaers.route;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The process owners' deployments: validated as at startup ({@link RouteDeployer}, {@link ProcessRules}),
 * who deployed each and why, every process with its versions and running cases, and what a
 * deployment changes against the version it follows.
 */
@Service
public class ProcessDeployments {

    /** One deployed version of a process. */
    public record Version(String definitionId, int version, Instant deployedAt, String deployedBy, long runningInstances) {}

    /** A process and its versions, newest first. */
    public record ProcessView(String key, String name, List<Version> versions) {}

    /** What a deployment made: the new versions and, per process, the elements added, removed and changed. */
    public record Deployed(String deploymentId, List<Definition> definitions, List<Changes> changes) {}

    public record Definition(String key, String definitionId, int version) {}

    public record Changes(String key, List<String> added, List<String> removed, List<String> changed) {}

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final RouteDeployer deployer;
    private final JdbcClient jdbc;
    private final Clock clock;

    ProcessDeployments(RepositoryService repository, RuntimeService runtime, RouteDeployer deployer, JdbcClient jdbc, Clock clock) {
        this.repository = repository;
        this.runtime = runtime;
        this.deployer = deployer;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Validates and deploys the files. Empty {@code definitions} when nothing changed.
     *
     * @throws InvalidProcessException with file, element, line and reason; nothing is deployed then
     */
    public Deployed deploy(Map<String, byte[]> files, String by, String comment) {
        Map<String, BpmnModelInstance> before = new LinkedHashMap<>();
        for (byte[] content : files.values()) {
            try {
                for (Process process : Bpmn.readModelFromStream(new ByteArrayInputStream(content)).getModelElementsByType(Process.class)) {
                    latest(process.getId()).ifPresent(d -> before.put(process.getId(), model(d.getId())));
                }
            } catch (RuntimeException unreadable) {
                // The deployer names the file and its line.
            }
        }
        List<ProcessDefinition> deployed = deployer.deploy(files);
        if (deployed.isEmpty()) {
            return new Deployed(null, List.of(), List.of());
        }
        String deploymentId = deployed.get(0).getDeploymentId();
        jdbc.sql("insert into process_deployment (deployment_id, deployed_by, comment, deployed_at) values (?, ?, ?, ?)")
                .params(deploymentId, by, comment, Timestamp.from(Instant.now(clock))).update();
        List<Definition> definitions = deployed.stream().map(d -> new Definition(d.getKey(), d.getId(), d.getVersion())).toList();
        List<Changes> changes = deployed.stream().map(d -> changes(d.getKey(), before.get(d.getKey()), model(d.getId()))).toList();
        return new Deployed(deploymentId, definitions, changes);
    }

    /**
     * What deploying the files would change, against the latest version of each process, without deploying:
     * the files checked as {@link RouteDeployer#check} does (the engine's own parser reads them at the deploy).
     *
     * @throws InvalidProcessException with file, element, line and reason
     */
    public List<Changes> preview(Map<String, byte[]> files) {
        deployer.check(files);
        List<Changes> changes = new ArrayList<>();
        for (byte[] content : files.values()) {
            BpmnModelInstance after = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
            for (Process process : after.getModelElementsByType(Process.class)) {
                changes.add(changes(process.getId(), latest(process.getId()).map(d -> model(d.getId())).orElse(null), after));
            }
        }
        return changes;
    }

    /** The latest versions of the processes in these files: what an unchanged deployment answers. */
    public Deployed current(Map<String, byte[]> files) {
        List<Definition> definitions = new ArrayList<>();
        for (byte[] content : files.values()) {
            for (Process process : Bpmn.readModelFromStream(new ByteArrayInputStream(content)).getModelElementsByType(Process.class)) {
                latest(process.getId()).ifPresent(d -> definitions.add(new Definition(d.getKey(), d.getId(), d.getVersion())));
            }
        }
        String deploymentId = definitions.isEmpty() ? null
                : repository.createProcessDefinitionQuery().processDefinitionId(definitions.get(0).definitionId()).singleResult().getDeploymentId();
        return new Deployed(deploymentId, definitions, List.of());
    }

    /** Every process, newest version first, with who deployed each and its running cases. */
    public List<ProcessView> processes() {
        Map<String, String> deployedBy = new TreeMap<>();
        jdbc.sql("select deployment_id, deployed_by from process_deployment").query(rs -> {
            deployedBy.put(rs.getString(1), rs.getString(2));
        });
        Map<String, List<ProcessDefinition>> byKey = new TreeMap<>();
        repository.createProcessDefinitionQuery().list().forEach(d -> byKey.computeIfAbsent(d.getKey(), k -> new ArrayList<>()).add(d));
        List<ProcessView> processes = new ArrayList<>();
        byKey.forEach((key, definitions) -> {
            definitions.sort(Comparator.comparingInt(ProcessDefinition::getVersion).reversed());
            List<Version> versions = definitions.stream().map(d -> new Version(d.getId(), d.getVersion(),
                    repository.createDeploymentQuery().deploymentId(d.getDeploymentId()).singleResult().getDeploymentTime().toInstant(),
                    deployedBy.getOrDefault(d.getDeploymentId(), "system"),
                    runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count())).toList();
            processes.add(new ProcessView(key, definitions.get(0).getName() == null ? key : definitions.get(0).getName(), versions));
        });
        return processes;
    }

    /** The BPMN of a version as deployed, or empty when there is no such version. */
    public Optional<byte[]> xml(String definitionId) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult();
        if (definition == null) {
            return Optional.empty();
        }
        try (InputStream in = repository.getProcessModel(definitionId)) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<ProcessDefinition> latest(String key) {
        return Optional.ofNullable(repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult());
    }

    private BpmnModelInstance model(String definitionId) {
        return repository.getBpmnModelInstance(definitionId);
    }

    /** Elements by id: added, removed, and changed (another type, attribute or content). */
    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    static Changes changes(String key, BpmnModelInstance before, BpmnModelInstance after) {
        Map<String, String> old = before == null ? Map.of() : signatures(before);
        Map<String, String> now = signatures(after);
        List<String> added = new ArrayList<>(new TreeSet<>(now.keySet().stream().filter(id -> !old.containsKey(id)).toList()));
        List<String> removed = new ArrayList<>(new TreeSet<>(old.keySet().stream().filter(id -> !now.containsKey(id)).toList()));
        List<String> changed = new ArrayList<>(new TreeSet<>(now.keySet().stream()
                .filter(id -> old.containsKey(id) && !old.get(id).equals(now.get(id))).toList()));
        return new Changes(key, added, removed, changed);
    }

    /** Every element of the process (not the diagram) by id, with a text that changes when it does. */
    private static Map<String, String> signatures(BpmnModelInstance model) {
        Map<String, String> signatures = new TreeMap<>();
        org.w3c.dom.Node document = model.getDocument().getDomSource().getNode();
        collect(((org.w3c.dom.Document) document).getDocumentElement(), signatures);
        return signatures;
    }

    private static void collect(org.w3c.dom.Element element, Map<String, String> signatures) {
        if ("http://www.omg.org/spec/BPMN/20100524/DI".equals(element.getNamespaceURI())) {
            return;
        }
        if (ownId(element) && !"process".equals(element.getLocalName()) && !"definitions".equals(element.getLocalName())) {
            signatures.put(element.getAttribute("id"), signature(element));
        }
        for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof org.w3c.dom.Element childElement) {
                collect(childElement, signatures);
            }
        }
    }

    /**
     * Whether the element counts on its own: a BPMN element with an id, not a timer's or message's event
     * definition (part of its event) nor a Camunda extension (a form field or an enum value with an id
     * is part of its task).
     */
    private static boolean ownId(org.w3c.dom.Element element) {
        return element.hasAttribute("id") && BPMN.equals(element.getNamespaceURI()) && !element.getLocalName().endsWith("EventDefinition");
    }

    /** The element's name, attributes and content, without the elements inside it that have ids of their own. */
    private static String signature(org.w3c.dom.Element element) {
        StringBuilder text = new StringBuilder(element.getLocalName()).append('{');
        Map<String, String> attributes = new TreeMap<>();
        org.w3c.dom.NamedNodeMap map = element.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            attributes.put(map.item(i).getNodeName(), map.item(i).getNodeValue());
        }
        attributes.forEach((name, value) -> text.append(name).append('=').append(value).append(';'));
        for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof org.w3c.dom.Element childElement) {
                if (ownId(childElement)) {
                    continue;
                }
                text.append(signature(childElement));
            } else if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE || child.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue().trim());
            }
        }
        return text.append('}').toString();
    }
}
