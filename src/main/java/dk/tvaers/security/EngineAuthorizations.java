package dk.tvaers.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns the engine's authorization checks on with Tværs's settings, and keeps {@link EngineGrants}
 * in the database at every start, before the web server takes a request: a grant someone changed
 * in Camunda Admin is set back to the table.
 */
@Component
class EngineAuthorizations extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineAuthorizations.class);

    private final LoginThrottle throttle;

    EngineAuthorizations(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setAuthorizationEnabled(true);
        // Reading a variable's value takes its own permission, which only administrators have (and JOBCENTER for task forms).
        configuration.setEnforceSpecificVariablePermission(true);
        configuration.setResourceAuthorizationProvider(new TableOnlyAuthorizationProvider());
        // The engine's own lock-out is keyed by user only: anyone could lock a coordinator out (for good after ten
        // wrong passwords). Tværs throttles by address and user instead (decision 0010).
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayBase(0);
        configuration.setIdentityProviderSessionFactory(new ThrottledIdentityProvider.Factory(throttle));
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        AuthorizationService authorizations = engine.getAuthorizationService();
        for (EngineGrants.Grant grant : EngineGrants.TABLE) {
            Authorization stored = authorizations.createAuthorizationQuery()
                    .authorizationType(Authorization.AUTH_TYPE_GRANT)
                    .groupIdIn(grant.group()).resourceType(grant.resource()).resourceId(grant.resourceId())
                    .singleResult();
            Authorization authorization = stored != null ? stored : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(grant.group());
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
            authorization.setPermissions(grant.permissions().toArray(Permission[]::new));
            authorizations.saveAuthorization(authorization);
        }
        log.info("Motorens autorisationer er slået til; {} tildelinger til Tværs' grupper", EngineGrants.TABLE.size());
    }

    /**
     * The engine's defaults, less what would grant rights outside the table: no per-task grants to a
     * task's candidates, assignee or owner (a coordinator would otherwise complete tasks in Tasklist
     * past Tværs's checks), and a new user may read and update himself, not delete himself.
     */
    static final class TableOnlyAuthorizationProvider extends DefaultAuthorizationProvider {

        private static final AuthorizationEntity[] NONE = new AuthorizationEntity[0];

        @Override
        public AuthorizationEntity[] newUser(User user) {
            return new AuthorizationEntity[] {
                    createGrantAuthorization(user.getId(), null, Resources.USER, user.getId(), Permissions.READ, Permissions.UPDATE)};
        }

        @Override
        public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
            return NONE;
        }
    }
}
