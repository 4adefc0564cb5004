package dk.tvaers.security;

import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.BATCH;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import dk.tvaers.casefile.Department;
import dk.tvaers.route.RouteProcess;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * Every right Tværs grants in the engine, as one table ({@code docs/security.md} shows it).
 * {@code camunda-admin} gets everything on every kind of resource (as Camunda's own first-user
 * setup grants it: the engine's admin-group shortcut does not cover its queries). Everything not in
 * the table is refused: no identity or authorization writes, no variable values for process owners,
 * no job execution, no instance modification and no deployment through the engine's own API — a
 * BPMN's expressions run with the application's rights, so deploying is Tværs's validated path.
 * Tværs's own features call the engine as the application (no authenticated engine user), so these
 * grants limit the engine's REST API and webapps only.
 */
public final class EngineGrants {

    public static final String ADMINISTRATORS = Groups.CAMUNDA_ADMIN;
    public static final String PROCESS_OWNERS = "process-owners";
    static final String JOBCENTER = Department.JOBCENTER.name();

    /** One grant: a group's permissions on a resource ({@code *} for every resource of its kind). */
    public record Grant(String group, Resource resource, String resourceId, List<Permission> permissions) {

        Grant(String group, Resource resource, String resourceId, Permission... permissions) {
            this(group, resource, resourceId, List.of(permissions));
        }
    }

    /** The processes whose user tasks coordinators may look at in Camunda Tasklist. */
    static final List<String> ROUTE_PROCESSES = List.of(RouteProcess.CASE_ROUTE, RouteProcess.NETWORK_MEETING, RouteProcess.INTERNSHIP);

    public static final List<Grant> TABLE = Stream.of(
            Arrays.stream(Resources.values()).map(resource -> new Grant(ADMINISTRATORS, resource, "*", Permissions.ALL)),
            Stream.of(
                    new Grant(PROCESS_OWNERS, APPLICATION, "cockpit", Permissions.ACCESS),
                    new Grant(PROCESS_OWNERS, PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
                            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                            ProcessDefinitionPermissions.MIGRATE_INSTANCE),
                    new Grant(PROCESS_OWNERS, PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ),
                    new Grant(PROCESS_OWNERS, DEPLOYMENT, "*", Permissions.READ),
                    new Grant(PROCESS_OWNERS, BATCH, "*", BatchPermissions.READ, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES),
                    new Grant(JOBCENTER, APPLICATION, "tasklist", Permissions.ACCESS),
                    new Grant(JOBCENTER, FILTER, "*", Permissions.READ)),
            ROUTE_PROCESSES.stream().map(key -> new Grant(JOBCENTER, PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_TASK_VARIABLE)))
            .flatMap(grants -> grants).toList();

    /** The groups let into a Camunda webapp: the administrators and whoever the table grants it to. */
    public static Set<String> groupsOfApplication(String application) {
        return TABLE.stream()
                .filter(g -> g.resource() == APPLICATION && (g.resourceId().equals(application) || g.resourceId().equals("*")))
                .map(Grant::group)
                .collect(Collectors.toUnmodifiableSet());
    }

    private EngineGrants() {
    }
}
